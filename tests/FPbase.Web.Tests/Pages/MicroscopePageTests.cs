using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Pages;

/// <summary>
/// The microscope pages: <c>/microscope/{id}/</c> with an optical config (<c>?c=</c>) and the efficiency of each fluor
/// through it, the iframe-friendly <c>/embedscope/{id}/</c>, both revalidated and changed at once by edits of what they show.
/// </summary>
public sealed partial class MicroscopePageTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    // The real FPbase sample's widefield microscope: four single-band cubes on one lamp and camera.
    private const string Widefield = "wKqWbgApvguSNDSRZNSfpN";
    private readonly HttpClient _client = site.App.CreateClient();

    [Fact]
    public async Task APageListsItsConfigsShowsTheFirstAndGivesEgfpsEfficienciesThroughTheChosenOneByFpbasesFormula()
    {
        var configs = await site.App.WithDbAsync(db => db.OpticalConfigs.Where(c => c.MicroscopeId == Widefield).OrderBy(c => c.Id).Select(c => c.Name).ToListAsync());
        var response = await _client.GetAsync($"/microscope/{Widefield}/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.Public);
        var html = await response.Content.ReadAsStringAsync();
        foreach (var name in configs)
        {
            Assert.Contains($">{name}</a>", html, StringComparison.Ordinal);
        }

        Assert.Contains($"<h2 id=\"h-config\">{configs[0]}</h2>", html, StringComparison.Ordinal);

        var green = await _client.GetStringAsync($"/microscope/{Widefield}/?c={Uri.EscapeDataString("Widefield Green")}");
        Assert.Contains("<h2 id=\"h-config\">Widefield Green</h2>", green, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\">Widefield Green</a>", green, StringComparison.Ordinal);
        var egfp = Row(green, "egfp_default");
        Assert.NotNull(egfp);
        var (ex, em, brightness) = egfp.Value;
        Assert.InRange(ex, 0.001, 1);
        Assert.InRange(em, 0.001, 1);
        var state = await site.App.WithDbAsync(db => db.States.Where(s => s.Slug == "egfp_default").Select(s => new { s.ExtCoeff, s.Qy }).SingleAsync());
        Assert.Equal(Math.Round(ex * em * state.ExtCoeff!.Value * state.Qy!.Value / 1000, 3), brightness, 3);

        // The config by id names the same config; FPbase's ?p= draws the fluor with it and states its numbers.
        var greenId = await site.App.WithDbAsync(db => db.OpticalConfigs.Where(c => c.MicroscopeId == Widefield && c.Name == "Widefield Green").Select(c => c.Id).SingleAsync());
        Assert.Contains("<h2 id=\"h-config\">Widefield Green</h2>", await _client.GetStringAsync($"/microscope/{Widefield}/?c={greenId}"), StringComparison.Ordinal);
        var drawn = await _client.GetStringAsync($"/microscope/{Widefield}/?c=Widefield%20Green&p=egfp_default");
        Assert.Contains("class=\"selected-fluor\" data-slug=\"egfp_default\"", drawn, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/microscope/NoSuchMicroscope000000/")]
    [InlineData("/microscope/" + Widefield + "/?c=No%20such%20config")]
    [InlineData("/microscope/" + Widefield + "/?p=no_such_fluor")]
    [InlineData("/embedscope/NoSuchMicroscope000000/")]
    public async Task UnknownMicroscopesConfigsAndFluorsAre404Problems(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task TheEmbedHasNoSiteChromeAndMayBeFramedFromAnywhereOnEveryAnswer()
    {
        var url = $"/embedscope/{Widefield}/?c=Widefield%20Red";
        var first = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var html = await first.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<header>", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"h-config\">Widefield Red</h2>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/embedscope/{Widefield}/?c=Widefield%20Green\"", html, StringComparison.Ordinal);

        var cached = await _client.GetAsync(url);
        var revalidated = await PageRequests.GetIfNoneMatch(_client, url, first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        foreach (var response in new[] { first, cached, revalidated })
        {
            Assert.False(response.Headers.Contains("X-Frame-Options"));
            Assert.Equal("frame-ancestors *", string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
        }

        Assert.False((await _client.GetAsync($"/microscope/{Widefield}/")).Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task PagesRevalidateAndChangeAtOnceAfterAnEditOfTheConfigOrOfAFluor()
    {
        using var editor = await site.App.CreateBearerClientAsync(await site.App.CreateEditorAsync());
        using var created = await editor.Http.PostAsJsonAsync("/api/microscopes/", new { name = "Revalidated scope" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var filter = await site.App.WithDbAsync(db => db.Filters.Where(f => f.Spectrum != null).OrderBy(f => f.Id).Select(f => f.Slug).FirstAsync());
        using var config = await editor.Http.PostAsJsonAsync($"/api/microscopes/{id}/optical-configs/", new { name = "cube", laser = 488, filters = new[] { new { filter, path = "em", reflects = false } } });
        Assert.Equal(HttpStatusCode.Created, config.StatusCode);
        var configId = (await config.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        foreach (var url in new[] { $"/microscope/{id}/", $"/embedscope/{id}/", $"/microscope/{id}/?c=cube" })
        {
            var etag = await PageRequests.ETagOf(_client, url);
            Assert.Equal(HttpStatusCode.NotModified, (await PageRequests.GetIfNoneMatch(_client, url, etag)).StatusCode);
        }

        // The config renamed: the page, its embed and the config's own view (now under its new name) change at once.
        var views = new[] { $"/microscope/{id}/", $"/embedscope/{id}/", $"/microscope/{id}/?c=cube" };
        var before = new Dictionary<string, System.Net.Http.Headers.EntityTagHeaderValue>();
        foreach (var url in views)
        {
            before[url] = await PageRequests.ETagOf(_client, url);
        }

        Assert.Equal(HttpStatusCode.OK, (await editor.Http.PutAsJsonAsync($"/api/optical-configs/{configId}/", new { name = "renamed cube", laser = 488, filters = new[] { new { filter, path = "em", reflects = false } } })).StatusCode);
        foreach (var url in views)
        {
            var after = await PageRequests.GetIfNoneMatch(_client, url.Replace("?c=cube", "?c=renamed%20cube", StringComparison.Ordinal), before[url]);
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
            Assert.Contains("renamed cube", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // A component renamed (the filter placed in the config) shows on the config's view at once.
        var configView = $"/microscope/{id}/?c=renamed%20cube";
        var viewTag = await PageRequests.ETagOf(_client, configView);
        var renamed = "Renamed filter " + Guid.NewGuid().ToString("N")[..6];
        await PageRequests.Edit(site.App, async db => (await db.Filters.SingleAsync(f => f.Slug == filter)).Name = renamed);
        var afterFilter = await PageRequests.GetIfNoneMatch(_client, configView, viewTag);
        Assert.Equal(HttpStatusCode.OK, afterFilter.StatusCode);
        Assert.Contains($"<dd data-filter=\"{filter}\">{renamed}</dd>", await afterFilter.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A fluor's photophysics is on every microscope page (its brightness): an edit changes them at once.
        var green = $"/microscope/{Widefield}/?c=Widefield%20Green";
        var greenTag = await PageRequests.ETagOf(_client, green);
        var brightnessBefore = Row(await _client.GetStringAsync(green), "egfp_default")!.Value.Brightness;
        await PageRequests.Edit(site.App, async db => (await db.States.SingleAsync(s => s.Slug == "egfp_default")).Qy /= 2);
        var changed = await PageRequests.GetIfNoneMatch(_client, green, greenTag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(brightnessBefore / 2, Row(await changed.Content.ReadAsStringAsync(), "egfp_default")!.Value.Brightness, 2);
        await PageRequests.Edit(site.App, async db => (await db.States.SingleAsync(s => s.Slug == "egfp_default")).Qy *= 2);
    }

    /// <summary>A fluor's row of the efficiency table: excitation, emission, brightness (the exact values of its data attributes).</summary>
    internal static (double Ex, double Em, double Brightness)? Row(string html, string slug)
    {
        var match = EfficiencyRow().Matches(html).FirstOrDefault(m => m.Groups["slug"].Value == slug);
        return match is null
            ? null
            : (double.Parse(match.Groups["ex"].Value, CultureInfo.InvariantCulture),
                double.Parse(match.Groups["em"].Value, CultureInfo.InvariantCulture),
                double.Parse(match.Groups["b"].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("<tr data-slug=\"(?<slug>[^\"]+)\" data-owner=\"[^\"]*\" data-ex=\"(?<ex>[^\"]*)\" data-ex-broad=\"[^\"]*\" data-em=\"(?<em>[^\"]*)\" data-brightness=\"(?<b>[^\"]*)\">")]
    private static partial Regex EfficiencyRow();
}

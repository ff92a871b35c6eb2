using System.Net;
using System.Text.RegularExpressions;
using FPbase.Data.Entities;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Pages;

/// <summary>The protein table, and the static files the pages link to.</summary>
public sealed partial class TableAndAssetTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly HttpClient _client = site.App.CreateClient();

    [Fact]
    public async Task TheTableListsEveryVisibleProteinWithItsPhotophysics()
    {
        var response = await _client.GetAsync("/table/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.Public);
        Assert.Contains("<a href=\"/protein/egfp/\">EGFP</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/protein/mcherry/\">mCherry</a>", html, StringComparison.Ordinal);
        Assert.Matches("data-slug=\"egfp\">.*?<td>488</td>\\s*<td>507</td>\\s*<td>55,900</td>\\s*<td class=\"qy\">0.6</td>\\s*<td>33.54</td>\\s*<td>6</td>\\s*<td>25</td>\\s*<td>Weak dimer</td>\\s*<td>Basic</td>", Regex.Replace(html, "\\s+", " "));

        var (visible, hidden) = await site.App.WithDbAsync(async db => (
            await db.Proteins.Where(p => p.Status != ProteinStatus.Hidden && p.States.Any()).Select(p => p.Slug).ToListAsync(),
            await db.Proteins.Where(p => p.Status == ProteinStatus.Hidden).Select(p => p.Slug).ToListAsync()));
        Assert.All(visible, slug => Assert.Contains($"data-slug=\"{slug}\"", html, StringComparison.Ordinal));
        Assert.All(hidden, slug => Assert.DoesNotContain($"data-slug=\"{slug}\"", html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheStylesheetIsFingerprintedAndServedImmutable()
    {
        var html = await _client.GetStringAsync("/protein/egfp/");
        var href = StylesheetHref().Match(html).Groups[1].Value;
        Assert.NotEqual("/css/site.css", href);

        var response = await _client.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.CacheControl!.MaxAge >= TimeSpan.FromDays(365), $"{href}: Cache-Control {response.Headers.CacheControl}");
        Assert.Contains("immutable", response.Headers.CacheControl.ToString(), StringComparison.Ordinal);

        // What a browser sends: the body must still be there, whichever coding the server picks.
        using var request = new HttpRequestMessage(HttpMethod.Get, href);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate, br, zstd");
        var browser = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, browser.StatusCode);
        Assert.Equal("text/css", browser.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(await browser.Content.ReadAsByteArrayAsync());
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex StylesheetHref();
}

using System.Net;
using System.Text.Json;
using FPbase.Data.Entities;
using FPbase.Web.Tests.Infrastructure;
using FPbase.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Spectra;

/// <summary>FPbase's <c>/spectra/{owner-slug}</c>, as its FRET and microscope scripts read it, and the viewer page's one document.</summary>
public sealed class OwnerSpectraTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static readonly string[] D3Keys = ["slug", "key", "id", "values", "peak", "minwave", "maxwave", "category", "type", "color", "area", "url", "classed"];

    private readonly HttpClient _client = site.App.CreateClient();

    [Fact]
    public async Task AProteinStateGivesEachOfItsSpectraAsFpbasesD3Dict()
    {
        var state = await site.App.WithDbAsync(db => db.States.AsNoTracking().Include(s => s.Spectra).Include(s => s.Protein).SingleAsync(s => s.Slug == "egfp_default"));
        var response = await _client.GetAsync("/spectra/egfp_default");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var spectra = json.RootElement.GetProperty("spectra").EnumerateArray().ToList();

        Assert.Equal(state.Spectra.Select(s => s.Id).Order(), spectra.Select(s => s.GetProperty("id").GetInt32()));
        foreach (var item in spectra)
        {
            var stored = state.Spectra.Single(s => s.Id == item.GetProperty("id").GetInt32());
            var subtype = stored.Subtype.ToCode();
            Assert.Equal(D3Keys, item.EnumerateObject().Select(p => p.Name).Take(D3Keys.Length));
            Assert.Equal("egfp_default", item.GetProperty("slug").GetString());
            Assert.Equal($"{state.Protein.Name} {subtype}", item.GetProperty("key").GetString());
            Assert.Equal(stored.MinWave, item.GetProperty("minwave").GetInt32());
            Assert.Equal(stored.MaxWave, item.GetProperty("maxwave").GetInt32());
            Assert.Equal(stored.PeakWave, item.GetProperty("peak").GetInt32());
            Assert.Equal("p", item.GetProperty("category").GetString());
            Assert.Equal($"category-p subtype-{subtype}", item.GetProperty("classed").GetString());
            Assert.Equal("/protein/egfp/", item.GetProperty("url").GetString());
            Assert.True(item.GetProperty("area").GetBoolean());
            var values = item.GetProperty("values").EnumerateArray().ToList();
            Assert.Equal(stored.Values.Length, values.Count);
            Assert.Equal(stored.MinWave, values[0].GetProperty("x").GetInt32());
            Assert.Equal(stored.Values[^1], values[^1].GetProperty("y").GetSingle());
            var (scalar, extra, expected) = stored.Subtype switch
            {
                SpectrumSubtype.Emission => ((double?)state.Qy, "em_max", (double?)state.EmMax),
                SpectrumSubtype.TwoPhoton => (state.TwopPeakGM, "twop_qy", state.TwopQy),
                _ => ((double?)state.ExtCoeff, "ex_max", (double?)state.ExMax),
            };
            Assert.Equal(scalar, Number(item.GetProperty("scalar")));
            Assert.Equal(expected, Number(item.GetProperty(extra)));
        }
    }

    [Fact]
    public async Task AFilterGivesItsOneSpectrumWithoutFluorophoreFields()
    {
        var filter = await site.App.WithDbAsync(db => db.Filters.AsNoTracking().Include(f => f.Spectrum)
            .Where(f => f.Spectrum != null).OrderBy(f => f.Id).FirstAsync());
        using var json = JsonDocument.Parse(await _client.GetStringAsync($"/spectra/{filter.Slug}"));
        var item = Assert.Single(json.RootElement.GetProperty("spectra").EnumerateArray());

        Assert.Equal(filter.Spectrum!.Id, item.GetProperty("id").GetInt32());
        Assert.Equal(filter.Name, item.GetProperty("key").GetString());
        Assert.Equal("f", item.GetProperty("category").GetString());
        Assert.Equal(filter.Spectrum.Subtype is not (SpectrumSubtype.LongPass or SpectrumSubtype.Beamsplitter), item.GetProperty("area").GetBoolean());
        Assert.Equal($"/spectra/?s={filter.Spectrum.Id}", item.GetProperty("url").GetString());
        Assert.False(item.TryGetProperty("scalar", out _));
    }

    [Fact]
    public async Task AnUnknownOrOverlongSlugIsA404ProblemWithoutAnETag()
    {
        foreach (var url in new[] { "/spectra/no-such-owner", "/spectra/" + new string('a', 300) })
        {
            var response = await _client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.Null(response.Headers.ETag);
        }
    }

    [Fact]
    public async Task ItRevalidatesWithA304AndChangesAtOnceAfterAnEditOfTheStatesQuantumYield()
    {
        var slug = await site.App.WithDbAsync(db => db.States
            .Where(s => s.Protein.Slug != "egfp" && s.Protein.Slug != "mcherry" && s.Spectra.Any(x => x.Subtype == SpectrumSubtype.Emission))
            .OrderByDescending(s => s.Id).Select(s => s.Slug).FirstAsync());
        var url = $"/spectra/{slug}";
        var etag = await PageRequests.ETagOf(_client, url);
        Assert.Equal(HttpStatusCode.NotModified, (await PageRequests.GetIfNoneMatch(_client, url, etag)).StatusCode);

        await PageRequests.Edit(site.App, async db => (await db.States.SingleAsync(s => s.Slug == slug)).Qy = 0.321);

        var after = await PageRequests.GetIfNoneMatch(_client, url, etag);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(etag, after.Headers.ETag);
        using var json = JsonDocument.Parse(await after.Content.ReadAsStringAsync());
        var emission = json.RootElement.GetProperty("spectra").EnumerateArray().First(s => s.GetProperty("type").GetString() == "em");
        Assert.Equal(0.321, emission.GetProperty("scalar").GetDouble());
    }

    [Fact]
    public async Task TheViewerIsOneDocumentWhateverFpbaseParametersTheLinkCarries()
    {
        var plain = await PageRequests.ETagOf(_client, "/spectra/");
        foreach (var url in new[] { "/spectra/?s=17,18", "/spectra/?s=17,18,$cf0_BP_525_50_90&xMin=400&xMax=700&normWave=488&normID=$cl1", "/spectra/?s=<script>&h=x" })
        {
            Assert.Equal(plain, await PageRequests.ETagOf(_client, url));
        }
    }

    [Fact]
    public async Task TheViewersCountsChangeAtOnceWhenAFilterWithItsSpectrumIsAdded()
    {
        var etag = await PageRequests.ETagOf(_client, "/spectra/");
        var (spectra, owners) = Counts(await _client.GetStringAsync("/spectra/"));
        await PageRequests.AddFilterWithSpectrum(site.App, "Semrock FF01-999/9", 995);

        using var after = await PageRequests.GetIfNoneMatch(_client, "/spectra/", etag);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal((spectra + 1, owners + 1), Counts(await after.Content.ReadAsStringAsync()));
    }

    private static (int Spectra, int Owners) Counts(string html)
    {
        int Of(string id) => int.Parse(System.Text.RegularExpressions.Regex.Match(html, $"<strong id=\"{id}\">([0-9,]+)</strong>").Groups[1].Value,
            System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
        return (Of("count-spectra"), Of("count-owners"));
    }

    private static double? Number(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetDouble();
}

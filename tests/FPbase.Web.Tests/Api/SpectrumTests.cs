using System.Net;
using System.Text.Json;
using FPbase.Data.Entities;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Api;

/// <summary>/api/spectrum/{id}/ and /spectra_csv/.</summary>
public sealed class SpectrumTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly HttpClient _client = site.App.CreateClient();

    [Fact]
    public async Task ASpectrumHasFpbasesShape()
    {
        var spectrum = await _client.GetJsonAsync("/api/spectrum/17/");
        Assert.Equal(
            ["data", "category", "subtype", "id", "name", "owner_id", "owner_slug", "protein_name", "protein_slug", "color", "min_wave", "max_wave", "peak_wave"],
            spectrum.EnumerateObject().Select(p => p.Name));
        Assert.Equal("p", spectrum.GetProperty("category").GetString());
        Assert.Equal("ex", spectrum.GetProperty("subtype").GetString());
        Assert.Equal("EGFP ex", spectrum.GetProperty("name").GetString());
        Assert.Equal(93, spectrum.GetProperty("owner_id").GetInt32());
        Assert.Equal("egfp_default", spectrum.GetProperty("owner_slug").GetString());
        Assert.Equal("EGFP", spectrum.GetProperty("protein_name").GetString());
        Assert.Equal("egfp", spectrum.GetProperty("protein_slug").GetString());
        Assert.Equal(300, spectrum.GetProperty("min_wave").GetInt32());
        Assert.StartsWith("#", spectrum.GetProperty("color").GetString());
    }

    [Fact]
    public async Task ValuesRoundTripAsWavelengthValuePairsInOneNanometreSteps()
    {
        var stored = await site.App.WithDbAsync(db => db.Spectra.Where(s => s.Id == 18).Select(s => new { s.MinWave, s.MaxWave, s.Values }).SingleAsync());
        var data = (await _client.GetJsonAsync("/api/spectrum/18/")).GetProperty("data").EnumerateArray().ToList();

        Assert.Equal(stored.Values.Length, data.Count);
        for (var i = 0; i < data.Count; i++)
        {
            Assert.Equal(2, data[i].GetArrayLength());
            Assert.Equal(stored.MinWave + i, data[i][0].GetInt32());
            Assert.Equal(stored.Values[i], data[i][1].GetSingle());
        }

        Assert.Equal(stored.MaxWave, data[^1][0].GetInt32());
        Assert.Equal(0.0027f, data[0][1].GetSingle());
    }

    [Fact]
    public async Task AFilterSpectrumHasNoProtein()
    {
        var id = await site.App.WithDbAsync(db => db.Spectra.Where(s => s.OwnerFilterId != null).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());
        var spectrum = await _client.GetJsonAsync($"/api/spectrum/{id}/");
        Assert.Equal("f", spectrum.GetProperty("category").GetString());
        Assert.Equal(JsonValueKind.Null, spectrum.GetProperty("protein_name").ValueKind);
        Assert.Equal(JsonValueKind.Null, spectrum.GetProperty("protein_slug").ValueKind);
    }

    [Fact]
    public async Task UnknownAndUnapprovedSpectraAre404ProblemDetails()
    {
        var pending = await site.App.WithDbAsync(db => db.Spectra.IgnoreQueryFilters().Where(s => s.Status != SpectrumStatus.Approved).Select(s => s.Id).FirstAsync());
        foreach (var url in new[] { "/api/spectrum/999999/", $"/api/spectrum/{pending}/", "/spectra_csv/?q=17,999999" })
        {
            var response = await _client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.Null(response.Headers.ETag);
        }
    }

    [Fact]
    public async Task SpectraCsvPutsSpectraSideBySide()
    {
        var response = await _client.GetAsync("/spectra_csv/?q=17,18");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var rows = ApiClient.CsvRows(await response.Content.ReadAsStringAsync());

        Assert.Equal(["wavelength", "EGFP ex", "EGFP em"], rows[0]);
        var (ex, em) = await site.App.WithDbAsync(async db =>
        {
            var spectra = await db.Spectra.Where(s => s.Id == 17 || s.Id == 18).OrderBy(s => s.Id).ToListAsync();
            return (spectra[0], spectra[1]);
        });
        var min = Math.Min(ex.MinWave, em.MinWave);
        var max = Math.Max(ex.MaxWave, em.MaxWave);
        Assert.Equal(max - min + 2, rows.Count);
        Assert.Equal(Enumerable.Range(min, max - min + 1).Select(w => w.ToString()), rows.Skip(1).Select(r => r[0]));
        Assert.Equal("0.0962", rows[1][1]);
        var firstEm = rows.FindIndex(r => r[0] == em.MinWave.ToString());
        Assert.Equal("", rows[firstEm - 1][2]);
        Assert.Equal("0.0027", rows[firstEm][2]);
        Assert.All(rows.Skip(1), r => Assert.Equal(3, r.Length));
    }

    [Theory]
    [InlineData("/spectra_csv/", "q")]
    [InlineData("/spectra_csv/?q=", "q")]
    [InlineData("/spectra_csv/?q=17,egfp", "q")]
    [InlineData("/spectra_csv/?q=-1", "q")]
    public async Task AMalformedSpectraCsvRequestIsA400(string url, string parameter)
        => await _client.AssertBadParameterAsync(url, parameter);
}

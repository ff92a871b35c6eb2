using System.Net;
using FPbase.Data.Entities;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Api;

/// <summary>FPbase's basic list, protein table data and protein spectra list.</summary>
public sealed class OtherProteinListsTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly HttpClient _client = site.App.CreateClient();

    [Fact]
    public async Task BasicListFlattensTheDefaultStateAsFpbaseDoes()
    {
        var list = await _client.GetJsonAsync("/api/proteins/basic/");
        var egfp = list.EnumerateArray().Single(p => p.GetProperty("slug").GetString() == "egfp");
        Assert.Equal(
            ["url", "name", "stokes", "slug", "ipg_id", "agg", "ex_max", "em_max", "ext_coeff", "qy", "pka", "brightness", "bleach", "maturation", "lifetime", "cofactor"],
            egfp.EnumerateObject().Select(p => p.Name));
        Assert.Equal("/protein/egfp/", egfp.GetProperty("url").GetString());
        Assert.Equal(19, egfp.GetProperty("stokes").GetDouble());
        Assert.Equal(488, egfp.GetProperty("ex_max").GetInt32());
        Assert.Equal(55900, egfp.GetProperty("ext_coeff").GetDouble());
        Assert.Equal(33.54, egfp.GetProperty("brightness").GetDouble());

        var expected = await site.App.WithDbAsync(db => db.Proteins
            .Where(p => p.Status != ProteinStatus.Hidden && p.SwitchType == SwitchType.Basic)
            .OrderBy(p => p.Name).ThenBy(p => p.Id).Select(p => p.Slug).ToListAsync());
        Assert.Equal(expected, list.Slugs());
    }

    [Fact]
    public async Task BasicListServesCsvAndFilters()
    {
        var response = await _client.GetAsync("/api/proteins/basic/?format=csv&name__iexact=egfp");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var rows = ApiClient.CsvRows(await response.Content.ReadAsStringAsync());
        Assert.Equal("url", rows[0][0]);
        Assert.Equal(2, rows.Count);
        Assert.Equal("/protein/egfp/", rows[1][0]);
    }

    [Fact]
    public async Task TableDataHasNonDarkStatesYearAndWeight()
    {
        var list = await _client.GetJsonAsync("/api/proteins/table-data/");
        var egfp = list.EnumerateArray().Single(p => p.GetProperty("slug").GetString() == "egfp");
        Assert.Equal(["name", "slug", "url", "states", "agg", "switch_type", "aliases", "year", "weight"], egfp.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1996, egfp.GetProperty("year").GetInt32());
        Assert.Equal(["enhanced GFP", "GFPmut1"], egfp.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.InRange(egfp.GetProperty("weight").GetDouble(), 26.9, 27.0); // EGFP: 239 residues, about 26.9 kDa
        var state = egfp.GetProperty("states").EnumerateArray().Single();
        Assert.Equal(
            ["name", "ex_max", "em_max", "stokes", "ext_coeff", "qy", "brightness", "pka", "maturation", "lifetime", "exhex", "emhex", "is_dark"],
            state.EnumerateObject().Select(p => p.Name));
        Assert.Equal(19, state.GetProperty("stokes").GetInt32());
        Assert.False(state.GetProperty("is_dark").GetBoolean());
        Assert.StartsWith("#", state.GetProperty("emhex").GetString());

        var darkStates = list.EnumerateArray().SelectMany(p => p.GetProperty("states").EnumerateArray()).Count(s => s.GetProperty("is_dark").GetBoolean());
        Assert.Equal(0, darkStates);
    }

    [Fact]
    public async Task ProteinSpectraListsExAndEmWithData()
    {
        var list = await _client.GetJsonAsync("/api/proteins/spectra/");
        var egfp = list.EnumerateArray().Single(p => p.GetProperty("slug").GetString() == "egfp");
        Assert.Equal(["name", "slug", "spectra"], egfp.EnumerateObject().Select(p => p.Name));
        var spectra = egfp.GetProperty("spectra").EnumerateArray().ToList();
        Assert.Equal(["default_ex", "default_em"], spectra.Select(s => s.GetProperty("state").GetString()));
        Assert.Equal(["state", "ec", "max", "data"], spectra[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["state", "qy", "max", "data"], spectra[1].EnumerateObject().Select(p => p.Name));
        Assert.Equal(55900, spectra[0].GetProperty("ec").GetInt32());
        Assert.Equal(507, spectra[1].GetProperty("max").GetInt32());
        var first = spectra[0].GetProperty("data")[0];
        Assert.Equal(300, first[0].GetInt32());
        Assert.Equal(0.0962, first[1].GetDouble());
    }

    [Fact]
    public async Task ProteinSpectraFiltersWorkUnlikeFpbasesIssue222()
    {
        var all = (await _client.GetJsonAsync("/api/proteins/spectra/")).Slugs();
        var filtered = (await _client.GetJsonAsync("/api/proteins/spectra/?name__iexact=mcherry")).Slugs();
        Assert.True(all.Count > 2);
        Assert.Equal(["mcherry"], filtered);
    }

    [Fact]
    public async Task TheProteinListsAreNotPaginatedAndIgnorePagingParametersAsFpbaseDoes()
    {
        foreach (var (list, paging) in new[] { ("/api/proteins/table-data/", "?limit=10"), ("/api/proteins/basic/", "?offset=10") })
        {
            var whole = await _client.GetAsync(list);
            var paged = await _client.GetAsync(list + paging);
            Assert.Equal(HttpStatusCode.OK, paged.StatusCode);
            Assert.Equal(whole.Headers.ETag, paged.Headers.ETag);
            Assert.Equal(await whole.Content.ReadAsStringAsync(), await paged.Content.ReadAsStringAsync());
        }
    }
}

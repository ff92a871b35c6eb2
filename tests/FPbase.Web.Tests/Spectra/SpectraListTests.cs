using System.Net;
using System.Text.Json;
using FPbase.Data.Entities;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Spectra;

public sealed class SpectraListTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly HttpClient _client = site.App.CreateClient();

    [Fact]
    public async Task ListsTheRealEgfpAndMcherrySpectraInFpbaseShape()
    {
        using var doc = JsonDocument.Parse(await _client.GetStringAsync("/api/spectra-list/"));
        var spectra = doc.RootElement.GetProperty("data").GetProperty("spectra").EnumerateArray().ToList();

        var egfpEx = spectra.Single(s => s.GetProperty("id").GetInt32() == 17);
        Assert.Equal("p", egfpEx.GetProperty("category").GetString());
        Assert.Equal("ex", egfpEx.GetProperty("subtype").GetString());
        var owner = egfpEx.GetProperty("owner");
        Assert.Equal(93, owner.GetProperty("id").GetInt32());
        Assert.Equal("egfp_default", owner.GetProperty("slug").GetString());
        Assert.Equal("EGFP", owner.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.String, owner.GetProperty("url").ValueKind);

        var sampleSubtypes = spectra.Where(s => s.GetProperty("id").GetInt32() is 17 or 18 or 173 or 79 or 80 or 158)
            .Select(s => (s.GetProperty("owner").GetProperty("name").GetString(), s.GetProperty("subtype").GetString()))
            .Order().ToList();
        Assert.Equal(
            [("EGFP", "2p"), ("EGFP", "em"), ("EGFP", "ex"), ("mCherry", "2p"), ("mCherry", "em"), ("mCherry", "ex")],
            sampleSubtypes);
    }

    [Fact]
    public async Task IsOrderedByOwnerName()
    {
        using var doc = JsonDocument.Parse(await _client.GetStringAsync("/api/spectra-list/"));
        var names = doc.RootElement.GetProperty("data").GetProperty("spectra").EnumerateArray()
            .Select(s => s.GetProperty("owner").GetProperty("name").GetString()!).ToList();
        Assert.True(names.Count > 100);
        var ordered = await site.App.WithDbAsync(db => db.Spectra.OrderBy(s => s.OwnerFluor != null ? s.OwnerFluor.OwnerName
            : s.OwnerFilter != null ? s.OwnerFilter.Name : s.OwnerLight != null ? s.OwnerLight.Name : s.OwnerCamera!.Name)
            .ThenBy(s => s.Id).Select(s => s.Id).ToListAsync());
        var listed = doc.RootElement.GetProperty("data").GetProperty("spectra").EnumerateArray().Select(s => s.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(ordered, listed);
    }

    [Fact]
    public async Task NeverListsPendingOrRejectedSpectra()
    {
        var hidden = await site.App.WithDbAsync(db => db.Spectra.IgnoreQueryFilters()
            .Where(s => s.Status != SpectrumStatus.Approved).Select(s => s.Id).ToListAsync());
        Assert.NotEmpty(hidden);

        using var doc = JsonDocument.Parse(await _client.GetStringAsync("/api/spectra-list/"));
        var listed = doc.RootElement.GetProperty("data").GetProperty("spectra").EnumerateArray().Select(s => s.GetProperty("id").GetInt32()).ToHashSet();
        Assert.DoesNotContain(hidden, listed.Contains);
    }

    [Fact]
    public async Task OldUrlServesTheSameBytesUnderTheSameETag()
    {
        var current = await _client.GetAsync("/api/spectra-list/");
        var old = await _client.GetAsync("/api/proteins/spectraslugs/");
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.Equal(current.Headers.ETag, old.Headers.ETag);
        Assert.Equal(await current.Content.ReadAsByteArrayAsync(), await old.Content.ReadAsByteArrayAsync());
    }
}

using FPbase.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Api;

/// <summary>
/// Which API ETags an edit through the site's DbContext changes. /api/spectrum/{id}/ shows its owner's
/// name and so depends on <c>spectra</c>, which every owner's edit bumps (CacheDependencies has no
/// per-spectrum link from owners): a protein rename therefore changes every spectrum's ETag, even a
/// filter's. Edits that bump neither <c>proteins</c> nor <c>spectra</c> leave them alone.
/// </summary>
public sealed class ApiEditTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly HttpClient _client = site.App.CreateClient();

    private Task<int> FilterSpectrumIdAsync()
        => site.App.WithDbAsync(db => db.Spectra.Where(s => s.OwnerFilterId != null).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());

    [Fact]
    public async Task RenamingAProteinChangesTheProteinListsAndEverySpectrumsETag()
    {
        var filterSpectrum = $"/api/spectrum/{await FilterSpectrumIdAsync()}/";
        var proteinsBefore = await _client.ETagOfAsync("/api/proteins/");
        var basicBefore = await _client.ETagOfAsync("/api/proteins/basic/");
        var spectrumBefore = await _client.ETagOfAsync(filterSpectrum);
        var csvBefore = await _client.ETagOfAsync("/spectra_csv/?q=17,18");

        await site.App.WithDbAsync(async db =>
        {
            var mcherry = await db.Proteins.SingleAsync(p => p.Slug == "mcherry");
            mcherry.Name = "mCherry (renamed)";
            await db.SaveChangesAsync();
        });

        Assert.NotEqual(proteinsBefore, await _client.ETagOfAsync("/api/proteins/"));
        Assert.NotEqual(basicBefore, await _client.ETagOfAsync("/api/proteins/basic/"));
        Assert.Contains("mCherry (renamed)", await _client.GetStringAsync("/api/proteins/?slug=mcherry"));
        // Owner names are in `spectra`: the spectrum and spectra CSV ETags change too.
        Assert.NotEqual(spectrumBefore, await _client.ETagOfAsync(filterSpectrum));
        Assert.NotEqual(csvBefore, await _client.ETagOfAsync("/spectra_csv/?q=17,18"));
    }

    [Fact]
    public async Task EditingAReferenceDoiChangesTheProteinListButNotTheSpectra()
    {
        var filterSpectrum = $"/api/spectrum/{await FilterSpectrumIdAsync()}/";
        var proteinsBefore = await _client.ETagOfAsync("/api/proteins/");
        var spectrumBefore = await _client.ETagOfAsync(filterSpectrum);
        var egfpSpectrumBefore = await _client.ETagOfAsync("/api/spectrum/17/");
        var csvBefore = await _client.ETagOfAsync("/spectra_csv/?q=17,18");

        await site.App.WithDbAsync(async db =>
        {
            var reference = await db.Proteins.Where(p => p.Slug == "egfp").Select(p => p.PrimaryReference!).SingleAsync();
            reference.Doi = "10.1016/0378-1119(95)00685-0-edited";
            await db.SaveChangesAsync();
        });

        Assert.NotEqual(proteinsBefore, await _client.ETagOfAsync("/api/proteins/"));
        Assert.Contains("00685-0-edited", await _client.GetStringAsync("/api/proteins/?slug=egfp"));
        Assert.Equal(spectrumBefore, await _client.ETagOfAsync(filterSpectrum));
        Assert.Equal(egfpSpectrumBefore, await _client.ETagOfAsync("/api/spectrum/17/"));
        Assert.Equal(csvBefore, await _client.ETagOfAsync("/spectra_csv/?q=17,18"));
    }

    [Fact]
    public async Task EditingASpectrumChangesItAndTheProteinSpectraButNotTheProteinList()
    {
        var proteinsBefore = await _client.ETagOfAsync("/api/proteins/");
        var spectraBefore = await _client.ETagOfAsync("/api/proteins/spectra/");
        var spectrumBefore = await _client.ETagOfAsync("/api/spectrum/18/");

        await site.App.WithDbAsync(async db =>
        {
            var spectrum = await db.Spectra.SingleAsync(s => s.Id == 18);
            spectrum.Source = "edited by a test";
            await db.SaveChangesAsync();
        });

        Assert.NotEqual(spectrumBefore, await _client.ETagOfAsync("/api/spectrum/18/"));
        Assert.NotEqual(spectraBefore, await _client.ETagOfAsync("/api/proteins/spectra/"));
        Assert.Equal(proteinsBefore, await _client.ETagOfAsync("/api/proteins/"));
    }
}

using System.Net;
using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace FPbase.Web.Tests.Browser;

/// <summary>A visitor opens the spectra viewer in a real browser, comes back, and moves on to a protein.</summary>
public sealed class SpectraViewerBrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const string SpectraList = "/api/spectra-list/";

    [Fact]
    public async Task TheViewerListsOwnersOnReloadTheSpectraListIsRevalidatedWithA304AndTheEgfpPageRenders()
    {
        var tab = await site.NewPageAsync();
        var page = tab.Page;

        var mark = site.Responses.Mark();
        await page.GotoAsync("/spectra/");
        await tab.ExpectAsync(WaitForOwnerListAsync);
        var first = Assert.Single(site.Responses.Since(mark, SpectraList));
        Assert.Equal((int)HttpStatusCode.OK, first.Status);

        mark = site.Responses.Mark();
        await page.ReloadAsync();
        await tab.ExpectAsync(WaitForOwnerListAsync);

        // The browser shows the page its cached 200; only the server knows it answered 304.
        var second = Assert.Single(site.Responses.Since(mark, SpectraList));
        Assert.Equal("GET", second.Method);
        Assert.NotNull(second.IfNoneMatch);
        Assert.Equal((int)HttpStatusCode.NotModified, second.Status);
        Assert.Contains(await page.Locator("#owner-list li .name").AllTextContentsAsync(), name => name == "EGFP");

        var protein = await page.GotoAsync("/protein/egfp/");
        Assert.Equal(200, protein!.Status);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("EGFP");
    }

    [Fact]
    public async Task SearchingAndTickingEgfpPlotsItsSpectraFromGraphQL()
    {
        var tab = await site.NewPageAsync();
        var page = tab.Page;
        await page.GotoAsync("/spectra/");
        await tab.ExpectAsync(WaitForOwnerListAsync);

        var mark = site.Responses.Mark();
        await page.FillAsync("#owner-search", "egfp");
        var egfp = page.Locator("#owner-list li", new() { Has = page.Locator(".name", new() { HasTextRegex = new("^EGFP$") }) });
        await egfp.Locator("input[type=checkbox]").CheckAsync();

        // Every spectrum of EGFP is chosen and loaded; its two-photon spectrum is not drawn until asked for.
        var egfpSpectra = await site.WithDbAsync(db => db.Spectra.CountAsync(s => s.OwnerFluor!.OwnerName == "EGFP"));
        var onePhoton = await site.WithDbAsync(db => db.Spectra.CountAsync(s => s.OwnerFluor!.OwnerName == "EGFP" && s.Subtype != SpectrumSubtype.TwoPhoton));
        await tab.ExpectAsync(p => Assertions.Expect(p.Locator("#viewer")).ToHaveAttributeAsync("data-plotted", onePhoton.ToString()));
        await Assertions.Expect(page.Locator("#spectra-plot g.spectrum")).ToHaveCountAsync(onePhoton);
        await Assertions.Expect(page.Locator("#plot-legend li")).ToHaveCountAsync(egfpSpectra);
        Assert.Equal(egfpSpectra, site.Responses.Since(mark, "/graphql/").Count(r => r.Method == "POST" && r.Status == 200));
        Assert.Matches(@"/spectra/\?s=[0-9,]+$", page.Url); // FPbase's link: the selection survives a reload or a share
    }

    [Fact]
    public async Task WithoutJavaScriptThePageExplainsItselfAndShowsTheCounts()
    {
        var page = (await site.NewPageAsync(javaScript: false)).Page;
        var response = await page.GotoAsync("/spectra/");

        Assert.Equal(200, response!.Status);
        var spectra = await site.WithDbAsync(db => db.Spectra.CountAsync());
        Assert.Equal(spectra.ToString("N0"), await page.TextContentAsync("#count-spectra"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Spectra viewer");
        await Assertions.Expect(page.Locator("#viewer")).ToBeHiddenAsync();
    }

    internal static async Task WaitForOwnerListAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("#viewer")).ToHaveAttributeAsync("data-state", "ready");
        await Assertions.Expect(page.Locator("#owner-list li").First).ToBeVisibleAsync();
    }
}

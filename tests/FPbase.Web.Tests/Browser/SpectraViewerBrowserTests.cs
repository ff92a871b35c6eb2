using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace FPbase.Web.Tests.Browser;

/// <summary>A visitor opens the spectra viewer in a real browser, comes back, and moves on to a protein.</summary>
public sealed class SpectraViewerBrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const string SpectraList = "/api/spectra-list/";

    [Fact]
    public async Task TheViewerListsOwnersAndOnReloadTheSpectraListIsRevalidatedWithA304()
    {
        var page = await site.NewPageAsync();

        var mark = site.Responses.Mark();
        await page.GotoAsync("/spectra/");
        await WaitForOwnerListAsync(page);
        var first = Assert.Single(site.Responses.Since(mark, SpectraList));
        Assert.Equal((int)HttpStatusCode.OK, first.Status);

        mark = site.Responses.Mark();
        await page.ReloadAsync();
        await WaitForOwnerListAsync(page);

        // The browser shows the page its cached 200; only the server knows it answered 304.
        var second = Assert.Single(site.Responses.Since(mark, SpectraList));
        Assert.Equal("GET", second.Method);
        Assert.NotNull(second.IfNoneMatch);
        Assert.Equal((int)HttpStatusCode.NotModified, second.Status);
        Assert.Contains(await page.Locator("#owner-list li .name").AllTextContentsAsync(), name => name == "EGFP");
    }

    [Fact]
    public async Task WithoutJavaScriptThePageExplainsItselfAndShowsTheCounts()
    {
        var page = await site.NewPageAsync(javaScript: false);
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

using Microsoft.Playwright;

namespace FPbase.Web.Tests.Browser;

/// <summary>A visitor opens the FRET calculator in a real browser, waits for the list, and asks for EGFP and mCherry.</summary>
public sealed class FretCalculatorBrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task OnceTheListIsReadyThePickerGivesEgfpToMcherrysRadiusWithoutLeavingThePage()
    {
        var tab = await site.NewPageAsync();
        var page = tab.Page;

        await page.GotoAsync("/fret/");
        // If the worker is still computing the first list, the page says so and reloads itself every 3 s.
        await Assertions.Expect(page.Locator(".fret-state")).ToHaveAttributeAsync("data-state", "current", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("select[name=donor]")).ToHaveValueAsync("egfp");
        await Assertions.Expect(page.Locator("select[name=acceptor]")).ToHaveValueAsync("mcherry");

        await page.ClickAsync("#fret-pair-form button[type=submit]");

        await tab.ExpectAsync(p => Assertions.Expect(p.Locator("#fret-pair-result")).ToContainTextAsync("EGFP → mCherry: R0 = 52.88 Å"));
        Assert.EndsWith("/fret/", page.Url, StringComparison.Ordinal); // answered in place, not by leaving the page
    }
}

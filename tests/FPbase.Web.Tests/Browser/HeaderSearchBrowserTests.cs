using Microsoft.Playwright;

namespace FPbase.Web.Tests.Browser;

/// <summary>
/// The site header's search box in Chromium: typing "EGF" offers EGFP (from /autocomplete-protein/), picking it opens
/// its page, and the suggestions are revalidated (304) the next time; without JavaScript the box is a form that
/// lands on the protein too.
/// </summary>
public sealed class HeaderSearchBrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const string Box = "form.site-search input[name=q]";

    [Fact]
    public async Task TypingEgfOffersEgfpAndPickingItOpensItsPage()
    {
        var tab = await site.NewPageAsync();
        var page = tab.Page;
        await page.GotoAsync("/");

        await page.Locator(Box).PressSequentiallyAsync("EGF");
        var egfp = page.GetByRole(AriaRole.Option, new() { Name = "EGFP", Exact = true });
        await tab.ExpectAsync(_ => Assertions.Expect(egfp).ToBeVisibleAsync());
        await egfp.ClickAsync();

        await page.WaitForURLAsync("**/protein/egfp/");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("EGFP");

        // The same suggestions again, from the protein page: the browser revalidates them, and the server says 304.
        var mark = site.Responses.Mark();
        await page.Locator(Box).PressSequentiallyAsync("EGF");
        await tab.ExpectAsync(_ => Assertions.Expect(egfp).ToBeVisibleAsync());
        var again = Assert.Single(site.Responses.Since(mark, "/autocomplete-protein/?q=EGF"));
        Assert.NotNull(again.IfNoneMatch);
        Assert.Equal(304, again.Status);
        var scriptErrors = tab.Problems.Where(p => p.StartsWith("script error", StringComparison.Ordinal)).ToList();
        Assert.True(scriptErrors.Count == 0, string.Join("\n", scriptErrors));
    }

    [Fact]
    public async Task TheArrowKeysAndEnterPickASuggestion()
    {
        var tab = await site.NewPageAsync();
        var page = tab.Page;
        await page.GotoAsync("/table/");

        await page.Locator(Box).PressSequentiallyAsync("mcher");
        await tab.ExpectAsync(p => Assertions.Expect(p.GetByRole(AriaRole.Option, new() { Name = "mCherry", Exact = true })).ToBeVisibleAsync());
        await page.Locator(Box).PressAsync("ArrowDown");
        await Assertions.Expect(page.GetByRole(AriaRole.Option).First).ToHaveAttributeAsync("aria-selected", "true");
        var first = await page.GetByRole(AriaRole.Option).First.TextContentAsync();
        await page.Locator(Box).PressAsync("Enter");

        await page.WaitForURLAsync("**/protein/*/");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(first!);
    }

    [Fact]
    public async Task WithoutJavaScriptTheBoxIsAFormThatLandsOnTheProteinOrItsNearMatches()
    {
        var tab = await site.NewPageAsync(javaScript: false);
        var page = tab.Page;
        await page.GotoAsync("/");

        await page.Locator(Box).FillAsync("egfp");
        await page.Locator("form.site-search button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/protein/egfp/");

        await page.Locator(Box).FillAsync("EGFPX");
        await page.Locator("form.site-search button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/search/?name__iexact=EGFPX");
        await Assertions.Expect(page.Locator(".protein-card[data-slug=egfp] a")).ToHaveTextAsync("EGFP");
    }
}

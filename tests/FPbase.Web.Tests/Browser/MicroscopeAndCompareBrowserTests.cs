using System.Globalization;
using Microsoft.Playwright;

namespace FPbase.Web.Tests.Browser;

/// <summary>
/// A visitor opens a microscope from the list, picks an optical config and reads the efficiency of EGFP through
/// it (with and without JavaScript: the table is the server's), then compares EGFP with mCherry.
/// </summary>
public sealed class MicroscopeAndCompareBrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task PickingAnOpticalConfigShowsItsComponentsAndEgfpsEfficienciesThroughIt(bool javaScript)
    {
        var tab = await site.NewPageAsync(javaScript);
        var page = tab.Page;
        var failed = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                failed.Enqueue($"{response.Status} {response.Url}");
            }
        };
        await page.GotoAsync("/microscopes/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Example Simple Widefield" }).ClickAsync();
        await tab.ExpectAsync(p => Assertions.Expect(p.Locator("#microscope-name")).ToHaveTextAsync("Example Simple Widefield"));
        Assert.EndsWith("/microscope/wKqWbgApvguSNDSRZNSfpN/", page.Url, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Optical configs" }).GetByRole(AriaRole.Link, new() { Name = "Widefield Green" }).ClickAsync();
        await tab.ExpectAsync(p => Assertions.Expect(p.Locator("#h-config")).ToHaveTextAsync("Widefield Green"));
        await Assertions.Expect(page.Locator(".config-components dd[data-filter]")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#scope-svg")).ToBeVisibleAsync();

        var egfp = page.Locator("tr[data-slug='egfp_default']");
        await Assertions.Expect(egfp).ToBeVisibleAsync();
        foreach (var (cell, attribute) in new[] { ("td.ex", "data-ex"), ("td.em", "data-em") })
        {
            var exact = double.Parse((await egfp.GetAttributeAsync(attribute))!, CultureInfo.InvariantCulture);
            Assert.InRange(exact, 0.001, 1);
            await Assertions.Expect(egfp.Locator(cell)).ToHaveTextAsync((exact * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%");
        }

        // Following EGFP's row draws it with the config and states its numbers, on the same config.
        await egfp.GetByRole(AriaRole.Link).ClickAsync();
        await tab.ExpectAsync(p => Assertions.Expect(p.Locator(".selected-fluor")).ToContainTextAsync("EGFP: excitation efficiency"));
        await Assertions.Expect(page.Locator("#h-config")).ToHaveTextAsync("Widefield Green");
        Assert.True(failed.IsEmpty, string.Join("\n", failed)); // the browser's own favicon request aside, which fires no response event
    }

    [Fact]
    public async Task ComparingEgfpWithMcherryShowsBothSideBySideAndBothSpectraInOneFigure()
    {
        var tab = await site.NewPageAsync();
        var page = tab.Page;
        await page.GotoAsync("/compare/egfp,mcherry/");

        var header = page.Locator(".compare-table thead th[data-slug]");
        await tab.ExpectAsync(_ => Assertions.Expect(header).ToHaveTextAsync(["EGFP", "mCherry"]));
        await Assertions.Expect(page.Locator(".compare-table tbody tr").First.Locator("td")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#compare-svg")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#compare-svg path")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".legend", new() { HasText = "EGFP" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".legend", new() { HasText = "mCherry" }).First).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "mCherry" }).First.ClickAsync();
        await page.WaitForURLAsync("**/protein/mcherry/");
    }
}

using System.Globalization;
using FPbase.Data.Entities;
using FPbase.Web.Features.Compare;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace FPbase.Web.Tests.Browser;

/// <summary>
/// Issue 12's new user, in one Chromium session and only through what the pages offer: from the home page they
/// search "EGFP", open its page, copy its sequence, open its spectra in the viewer from the page's FPbase-style
/// link, read EGFP's efficiencies through a microscope's optical config, and compare EGFP with mCherry.
/// </summary>
public sealed class NewUserStoryBrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const string SearchBox = "form.site-search input[name=q]";

    [Fact]
    public async Task ANewUserFindsEgfpCopiesItsSequenceViewsItsSpectraReadsAMicroscopesEfficienciesAndComparesItWithMcherry()
    {
        var spectra = await EgfpOnePhotonSpectraAsync();
        var tab = await site.NewPageAsync();
        var page = tab.Page;
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);

        // Searching "EGFP" from the home page lands on its page (an exact match skips the results).
        await page.GotoAsync("/");
        await page.Locator(SearchBox).FillAsync("EGFP");
        await page.Locator(SearchBox).PressAsync("Enter");
        await page.WaitForURLAsync("**/protein/egfp/");
        await tab.ExpectAsync(p => Assertions.Expect(p.Locator("h1")).ToHaveTextAsync("EGFP"));

        // Copying the sequence puts the bare residues on the clipboard, not the numbered blocks shown.
        var sequence = await page.Locator("#sequence").GetAttributeAsync("data-sequence");
        Assert.StartsWith("MVSKGEELFTGVVPILVELDGDVNGHKFSV", sequence, StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy sequence" }).ClickAsync();
        await Assertions.Expect(page.Locator("#copy-sequence-status")).ToHaveTextAsync("Copied");
        Assert.Equal(sequence, await page.EvaluateAsync<string>("navigator.clipboard.readText()"));

        // Kept for later: EGFP goes on the comparison list.
        await page.GetByRole(AriaRole.Button, new() { Name = "Add EGFP" }).ClickAsync();
        await Assertions.Expect(page.Locator(".comparison-list li")).ToHaveTextAsync(["EGFP ×"]);

        // The page's viewer link is FPbase's /spectra/?s=<id>,...: the viewer draws EGFP's one-photon curves.
        await page.GetByRole(AriaRole.Link, new() { Name = "Open in the spectra viewer" }).ClickAsync();
        await page.WaitForURLAsync("**/spectra/?s=*");
        await tab.ExpectAsync(p => Assertions.Expect(p.Locator("#viewer")).ToHaveAttributeAsync("data-plotted", spectra.Count.ToString(CultureInfo.InvariantCulture)));
        foreach (var id in spectra)
        {
            await Assertions.Expect(page.Locator($"#spectra-plot g.spectrum[data-spectrum-id='{id}']")).ToHaveCountAsync(1);
        }

        // A microscope from the site's menu, one of its optical configs, and EGFP's efficiencies through it.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Site" }).GetByRole(AriaRole.Link, new() { Name = "Microscopes" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Example Simple Widefield" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Optical configs" }).GetByRole(AriaRole.Link, new() { Name = "Widefield Green" }).ClickAsync();
        await tab.ExpectAsync(p => Assertions.Expect(p.Locator("#h-config")).ToHaveTextAsync("Widefield Green"));
        var egfp = page.Locator("tr[data-slug='egfp_default']");
        var excitation = double.Parse((await egfp.GetAttributeAsync("data-ex"))!, CultureInfo.InvariantCulture);
        Assert.InRange(excitation, 0.001, 1);
        await Assertions.Expect(egfp.Locator("td.ex")).ToHaveTextAsync((excitation * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%");

        // mCherry, found the same way and added; the comparison shows the two side by side with their spectra.
        await page.Locator(SearchBox).FillAsync("mCherry");
        await page.Locator(SearchBox).PressAsync("Enter");
        await page.WaitForURLAsync("**/protein/mcherry/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add mCherry" }).ClickAsync();
        await Assertions.Expect(page.Locator(".comparison-list li")).ToHaveTextAsync(["EGFP ×", "mCherry ×"]);
        await page.GetByRole(AriaRole.Link, new() { Name = "Show comparison" }).ClickAsync();
        await page.WaitForURLAsync("**/compare/egfp,mcherry/");
        await Assertions.Expect(page.Locator(".compare-table thead th[data-slug]")).ToHaveTextAsync(["EGFP", "mCherry"]);
        await Assertions.Expect(page.Locator("#compare-svg path")).Not.ToHaveCountAsync(0);

        var scriptErrors = tab.Problems.Where(p => p.StartsWith("script error", StringComparison.Ordinal)).ToList();
        Assert.True(scriptErrors.Count == 0, string.Join("\n", scriptErrors));
    }

    [Fact]
    public async Task TheComparisonListLivesInTheBrowserNotInACookieAndIsBounded()
    {
        var tab = await site.NewPageAsync();
        var page = tab.Page;
        var slugs = await site.WithDbAsync(db => db.Proteins.AsNoTracking().Where(p => p.Status == ProteinStatus.Approved)
            .OrderBy(p => p.Slug).Select(p => p.Slug).Take(CompareSlugs.MaxProteins + 1).ToListAsync());
        Assert.Equal(CompareSlugs.MaxProteins + 1, slugs.Count);

        foreach (var slug in slugs)
        {
            var response = await page.GotoAsync($"/protein/{slug}/");
            Assert.Null(await response!.HeaderValueAsync("set-cookie"));
            await page.Locator("#comparison-add").ClickAsync();
        }

        await Assertions.Expect(page.Locator("#comparison-status")).ToHaveTextAsync($"At most {CompareSlugs.MaxProteins} proteins can be compared at once");
        await Assertions.Expect(page.Locator(".comparison-list li")).ToHaveCountAsync(CompareSlugs.MaxProteins);
        Assert.Empty(await page.Context.CookiesAsync());

        // Removing one frees a place; the show link follows the list.
        await page.Locator(".comparison-remove").First.ClickAsync();
        await Assertions.Expect(page.Locator(".comparison-list li")).ToHaveCountAsync(CompareSlugs.MaxProteins - 1);
        await Assertions.Expect(page.Locator("#comparison-show")).ToHaveAttributeAsync("href", $"/compare/{string.Join(',', slugs.Skip(1).Take(CompareSlugs.MaxProteins - 1))}/");
    }

    private Task<List<int>> EgfpOnePhotonSpectraAsync() => site.WithDbAsync(db => db.Spectra.AsNoTracking()
        .Where(s => s.OwnerFluor!.Slug == "egfp_default" && s.Subtype != SpectrumSubtype.TwoPhoton)
        .Select(s => s.Id).ToListAsync());
}

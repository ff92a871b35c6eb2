using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace FPbase.Web.Tests.Browser;

/// <summary>A visitor who has seen a protein page comes back to it by a link after an edit.</summary>
public sealed class RevisitAfterEditBrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task FollowingALinkBackToAProteinPageAfterAnEditShowsTheEditNotTheBrowsersOldCopy()
    {
        var slug = await site.WithDbAsync(db => db.Proteins
            .Where(p => p.Status == ProteinStatus.Approved && p.Slug != "egfp" && p.Slug != "mcherry")
            .OrderByDescending(p => p.Id).Select(p => p.Slug).FirstAsync());
        var tab = await site.NewPageAsync();
        var page = tab.Page;
        await page.GotoAsync($"/protein/{slug}/");
        await page.GotoAsync("/table/");

        var renamed = "Revisited " + Guid.NewGuid().ToString("N")[..6];
        await site.WithDbAsync(async db =>
        {
            (await db.Proteins.SingleAsync(p => p.Slug == slug)).Name = renamed;
            return await db.SaveChangesAsync();
        });

        await page.Locator($"a[href='/protein/{slug}/']").First.ClickAsync();
        await page.WaitForURLAsync($"**/protein/{slug}/");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(renamed);
    }
}

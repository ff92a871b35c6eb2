using System.Globalization;
using FPbase.Data.Identity;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FPbase.Web.Tests.Browser;

/// <summary>
/// A staff member signs in in Chromium, reads a few pages, and opens the cache dashboard: its figures are drawn with
/// live numbers (a screenshot is kept with the test results), and the instance it runs on is listed with its lease.
/// </summary>
public sealed class CacheDashboardBrowserTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task AStaffMemberSeesTheCacheAtWorkDrawnWithLiveNumbers()
    {
        var staff = await site.Services.CreateUserAsync(Roles.Staff);
        var tab = await site.NewPageAsync();
        var page = tab.Page;
        await page.GotoAsync("/accounts/login/?returnUrl=%2Fstaff%2Fcache%2F");
        await page.GetByLabel("User name or e-mail").FillAsync(staff.UserName);
        await page.GetByLabel("Password").FillAsync(staff.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await page.WaitForURLAsync("**/staff/cache/");

        // Some reading: each page twice, the second time revalidated by the browser.
        foreach (var url in new[] { "/protein/egfp/", "/table/", "/api/proteins/?format=json" })
        {
            await page.GotoAsync(url);
            await page.ReloadAsync();
        }

        await page.GotoAsync("/staff/cache/");
        await tab.ExpectAsync(p => Assertions.Expect(p.Locator("#shares-svg")).ToBeVisibleAsync());
        await Assertions.Expect(page.Locator("#bytes-svg")).ToBeVisibleAsync();
        var points = int.Parse((await page.Locator("#shares-svg g.hit-rate").GetAttributeAsync("data-points"))!, CultureInfo.InvariantCulture);
        Assert.True(points >= 1, $"{points} points");
        var answers = long.Parse((await page.Locator("#tile-answers .n").TextContentAsync())!, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        Assert.True(answers >= 6, $"{answers} answers");
        var instance = await page.Locator("#this-instance").TextContentAsync();
        await Assertions.Expect(page.Locator($"#instances tr[data-instance='{instance}']")).ToContainTextAsync("(this one)");
        await Assertions.Expect(page.Locator("#versions tr[data-resource='proteins'] code")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9a-f]{12}$"));

        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "cache-dashboard.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        var png = await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        Assert.True(png.Length > 10_000, $"{png.Length} bytes");
        var scriptErrors = tab.Problems.Where(p => p.StartsWith("script error", StringComparison.Ordinal)).ToList();
        Assert.True(scriptErrors.Count == 0, string.Join("\n", scriptErrors));
    }
}

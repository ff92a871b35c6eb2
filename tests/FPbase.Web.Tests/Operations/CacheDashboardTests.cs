using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using FPbase.Web.Tests.Infrastructure;
using FPbase.Web.Tests.Pages;

namespace FPbase.Web.Tests.Operations;

/// <summary>
/// Staff read the cache at <c>/staff/cache/</c>: what it answered and how (from the caching library's own
/// instruments), the lists' versions and their bumps, the instances sharing Redis with their leases; and grant staff
/// to another registered user there. Nobody else sees it, and no cache stores it.
/// </summary>
public sealed partial class CacheDashboardTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string Dashboard = "/staff/cache/";

    [Fact]
    public async Task AnonymousVisitorsGoToTheLoginFormEditorsGet403AndStaffGetAPrivateUnstoredPage()
    {
        using var anonymous = site.App.CreateBrowserClient();
        var redirected = await anonymous.Http.GetAsync(Dashboard);
        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
        Assert.Equal("/accounts/login/", new Uri(new Uri("http://localhost"), redirected.Headers.Location!).AbsolutePath);

        using var editor = await site.App.LoginAsync(await site.App.CreateEditorAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.Http.GetAsync(Dashboard)).StatusCode);

        using var staff = await site.App.LoginAsync(await site.App.CreateStaffAsync());
        var page = await staff.Http.GetAsync(Dashboard);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("no-store, private", page.Headers.CacheControl!.ToString());
        Assert.Null(page.Headers.ETag);
    }

    [Fact]
    public async Task WhatTheCacheAnsweredShowsUpAndABumpChangesItsListsVersion()
    {
        using var staff = await site.App.LoginAsync(await site.App.CreateStaffAsync());
        var reader = site.App.CreateClient();
        var etag = await PageRequests.ETagOf(reader, "/api/proteins/?format=json");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.NotModified, (await PageRequests.GetIfNoneMatch(reader, "/api/proteins/?format=json", etag)).StatusCode);
        }

        var before = await staff.Http.GetStringAsync(Dashboard);
        Assert.True(Tile(before, "tile-answers") >= 4, before);
        Assert.True(int.Parse(HitRatePoints().Match(before).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Matches("<div class=\"count\" id=\"tile-304\"><span class=\"n\">[1-9][0-9.]*%</span>", before);
        // The tests' site runs on the real Redis: this instance holds a lease and is listed among the instances.
        var instance = ThisInstance().Match(before).Groups[1].Value;
        Assert.Contains($"<tr data-instance=\"{instance}\"><td><code>{instance}</code> (this one)", before, StringComparison.Ordinal);
        Assert.Contains("trusted (under a live lease)", before, StringComparison.Ordinal);
        var (digest, bumps) = ProteinsRow(before);
        Assert.Matches("^[0-9a-f]{12}$", digest);

        using var editor = await site.App.CreateBearerClientAsync(await site.App.CreateEditorAsync());
        var (slug, _) = await PageRequests.TwoProteins(site.App, skip: 2);
        using var edit = await editor.Http.PatchAsJsonAsync($"/api/proteins/{slug}/", new { blurb = "Seen on the dashboard " + Guid.NewGuid().ToString("N")[..6] });
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);

        var after = await staff.Http.GetStringAsync(Dashboard);
        var (digestAfter, bumpsAfter) = ProteinsRow(after);
        Assert.NotEqual(digest, digestAfter);
        Assert.True(bumpsAfter > bumps, $"{bumps} then {bumpsAfter}");
        Assert.Contains("s ago</td>", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffGrantStaffToARegisteredUserAndAreToldPlainlyWhenTheyCannot()
    {
        using var staff = await site.App.LoginAsync(await site.App.CreateStaffAsync());
        var editorUser = await site.App.CreateEditorAsync();
        using var editor = await site.App.LoginAsync(editorUser);

        var granted = await staff.PostFormAsync(Dashboard + "staff/", new() { ["User"] = editorUser.Email, ["Action"] = "grant" }, formPage: Dashboard);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Contains($"{editorUser.UserName} is now staff.", await granted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var again = await site.App.LoginAsync(editorUser);
        Assert.Equal(HttpStatusCode.OK, (await again.Http.GetAsync(Dashboard)).StatusCode);

        var unknown = await staff.PostFormAsync(Dashboard + "staff/", new() { ["User"] = "nobody-at-all@example.org", ["Action"] = "grant" }, formPage: Dashboard);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("No user has the name or email &#x27;nobody-at-all@example.org&#x27;: they must register first.", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var empty = await staff.PostFormAsync(Dashboard + "staff/", new() { ["User"] = "", ["Action"] = "grant" }, formPage: Dashboard);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Name a registered user (user name or email).", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Not from our form (no antiforgery token), or not staff: refused, nothing changes.
        var forged = await staff.Http.PostAsync(Dashboard + "staff/", new FormUrlEncodedContent(new Dictionary<string, string> { ["User"] = editorUser.Email, ["Action"] = "revoke" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var other = await site.App.CreateEditorAsync();
        using var otherClient = await site.App.LoginAsync(other);
        var byEditor = await otherClient.PostFormAsync(Dashboard + "staff/", new() { ["User"] = other.Email, ["Action"] = "grant" });
        Assert.Equal(HttpStatusCode.Forbidden, byEditor.StatusCode);
    }

    private static long Tile(string html, string id)
        => long.Parse(Regex.Match(html, $"<div class=\"count\" id=\"{id}\"><span class=\"n\">([0-9,]+)</span>").Groups[1].Value,
            System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);

    private static (string Digest, long Bumps) ProteinsRow(string html)
    {
        var row = ProteinsVersion().Match(html);
        Assert.True(row.Success, html);
        return (row.Groups[1].Value, long.Parse(row.Groups[2].Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("<g class=\"hit-rate\" data-points=\"(\\d+)\"")]
    private static partial Regex HitRatePoints();

    [GeneratedRegex("<code id=\"this-instance\">([^<]+)</code>")]
    private static partial Regex ThisInstance();

    [GeneratedRegex("<tr data-resource=\"proteins\"><td>proteins</td><td><code>([^<]+)</code></td><td>([0-9,]+)</td>")]
    private static partial Regex ProteinsVersion();
}

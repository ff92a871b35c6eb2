using System.Net;
using FPbase.Web.Tests.Editing.Spectra;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Editing.Microscopes;

/// <summary>The HTML forms for microscopes: antiforgery, validation and the ownership rule, as in the JSON API.</summary>
public sealed class MicroscopeFormTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task AnEditorCreatesAMicroscopeAndAConfigThroughTheForms()
    {
        using var browser = await site.App.LoginAsync(await site.App.CreateEditorAsync());
        var page = await browser.Http.GetAsync("/microscopes/new/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("private, no-store", EditingClients.CacheControl(page));

        var created = await browser.PostFormAsync("/microscopes/new/", new() { ["Name"] = "Form scope", ["ExtraLasers"] = "405, 488" }, "/microscopes/new/");
        Assert.Equal(HttpStatusCode.SeeOther, created.StatusCode);
        var configPage = created.Headers.Location!.ToString();
        var id = configPage[(configPage.IndexOf('=', StringComparison.Ordinal) + 1)..];
        Assert.Equal([405, 488], await site.App.WithDbAsync(db => db.Microscopes.Where(m => m.Id == id).Select(m => m.ExtraLasers).SingleAsync()));

        var filter = await site.App.WithDbAsync(db => db.Filters.OrderBy(f => f.Id).Select(f => f.Slug).FirstAsync());
        var bad = await browser.PostFormAsync(configPage, new() { ["Name"] = "cube", ["Laser"] = "200" }, configPage);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var added = await browser.PostFormAsync(configPage, new() { ["Name"] = "cube", ["Laser"] = "488", ["Filters"] = $"{filter} em\n{filter} bs reflects" }, configPage);
        Assert.Equal(HttpStatusCode.SeeOther, added.StatusCode);
        var body = await site.App.CreateClient().GetStringAsync($"/api/microscopes/{id}/");
        Assert.Contains($"\"filter\":\"{filter}\",\"path\":\"bs\",\"reflects\":true", body);
    }

    [Fact]
    public async Task FormsRefuseOtherEditorsAnonymousVisitorsAndPostsWithoutAToken()
    {
        using var owner = await site.App.LoginAsync(await site.App.CreateEditorAsync());
        var created = await owner.PostFormAsync("/microscopes/new/", new() { ["Name"] = "Owned" }, "/microscopes/new/");
        var configPage = created.Headers.Location!.ToString();

        using var other = await site.App.LoginAsync(await site.App.CreateEditorAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Http.GetAsync(configPage)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostFormAsync(configPage, new() { ["Name"] = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await site.App.CreateBrowserClient().Http.GetAsync("/microscopes/new/")).StatusCode);

        var before = await site.App.WithDbAsync(db => db.Microscopes.CountAsync());
        var crossSite = await owner.Http.PostAsync("/microscopes/new/", new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = "x" }));
        Assert.Equal(HttpStatusCode.BadRequest, crossSite.StatusCode);
        Assert.Equal(before, await site.App.WithDbAsync(db => db.Microscopes.CountAsync()));
    }
}

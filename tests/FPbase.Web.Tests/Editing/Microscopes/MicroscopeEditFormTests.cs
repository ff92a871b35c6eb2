using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FPbase.Web.Tests.Editing.Spectra;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Editing.Microscopes;

/// <summary>The HTML forms that edit and delete microscopes and optical configs: PRG, validation, ownership, antiforgery.</summary>
public sealed class MicroscopeEditFormTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task AnOwnerEditsAndDeletesAMicroscopeAndAConfigThroughTheForms()
    {
        using var browser = await site.App.LoginAsync(await site.App.CreateEditorAsync());
        using var anonymous = site.App.CreateClient();
        var (id, configId) = await CreateAsync(browser);
        var scopeForm = $"/microscopes/{id}/edit/";
        var configForm = $"/optical-configs/{configId}/edit/";

        using (var page = await browser.Http.GetAsync(scopeForm))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("private, no-store", EditingClients.CacheControl(page));
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("value=\"Form owned\"", html);
            Assert.Contains(configForm, html);
        }

        using (var bad = await browser.PostFormAsync(scopeForm, new() { ["Name"] = "", ["ExtraLasers"] = "488" }, scopeForm))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("name:", await bad.Content.ReadAsStringAsync());
        }

        Assert.Equal("Form owned", await NameOfMicroscopeAsync(id));
        using (var saved = await browser.PostFormAsync(scopeForm, new() { ["Name"] = "Form renamed", ["ExtraLasers"] = "561, 405" }, scopeForm))
        {
            Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
            Assert.Equal(scopeForm, saved.Headers.Location!.ToString());
        }

        Assert.Equal([405, 561], await site.App.WithDbAsync(db => db.Microscopes.Where(m => m.Id == id).Select(m => m.ExtraLasers).SingleAsync()));

        var filter = await site.App.WithDbAsync(db => db.Filters.OrderBy(f => f.Id).Select(f => f.Slug).FirstAsync());
        Assert.Contains("value=\"488\"", await browser.Http.GetStringAsync(configForm));
        var (listEtag, _) = await EditingClients.GetAsync(anonymous, "/api/optical-configs-list/");
        using (var bad = await browser.PostFormAsync(configForm, new() { ["Name"] = "cube", ["Laser"] = "nine" }, configForm))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("laser:", await bad.Content.ReadAsStringAsync());
        }

        Assert.Equal(listEtag, (await EditingClients.GetAsync(anonymous, "/api/optical-configs-list/")).ETag);
        using (var saved = await browser.PostFormAsync(configForm, new() { ["Name"] = "cube renamed", ["Laser"] = "561", ["Filters"] = $"{filter} ex" }, configForm))
        {
            Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
            Assert.Equal(scopeForm, saved.Headers.Location!.ToString());
        }

        var (listEtag2, listBody) = await EditingClients.GetAsync(anonymous, "/api/optical-configs-list/");
        Assert.NotEqual(listEtag, listEtag2);
        Assert.Contains("cube renamed", listBody);
        var config = await anonymous.GetFromJsonAsync<JsonElement>($"/api/optical-configs/{configId}/");
        Assert.Equal(561, config.GetProperty("laser").GetInt32());
        Assert.Equal("ex", config.GetProperty("filters")[0].GetProperty("path").GetString());

        using (var deleted = await browser.PostFormAsync($"/optical-configs/{configId}/delete/", new(), configForm))
        {
            Assert.Equal(HttpStatusCode.SeeOther, deleted.StatusCode);
        }

        Assert.False(await site.App.WithDbAsync(db => db.OpticalConfigs.AnyAsync(c => c.Id == configId)));
        using (var deleted = await browser.PostFormAsync($"/microscopes/{id}/delete/", new(), scopeForm))
        {
            Assert.Equal(HttpStatusCode.SeeOther, deleted.StatusCode);
        }

        Assert.Null(await NameOfMicroscopeAsync(id));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/microscopes/{id}/")).StatusCode);
    }

    [Fact]
    public async Task AnotherEditorGets403AndAPostWithoutTheTokenIs400AndChangesNothing()
    {
        using var owner = await site.App.LoginAsync(await site.App.CreateEditorAsync());
        var (id, configId) = await CreateAsync(owner);
        var scopeForm = $"/microscopes/{id}/edit/";
        var configForm = $"/optical-configs/{configId}/edit/";

        using var other = await site.App.LoginAsync(await site.App.CreateEditorAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Http.GetAsync(scopeForm)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Http.GetAsync(configForm)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostFormAsync(scopeForm, new() { ["Name"] = "Theirs" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostFormAsync($"/microscopes/{id}/delete/", new())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostFormAsync(configForm, new() { ["Name"] = "theirs" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostFormAsync($"/optical-configs/{configId}/delete/", new())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.Http.GetAsync("/optical-configs/999999999/edit/")).StatusCode);

        foreach (var path in new[] { scopeForm, $"/microscopes/{id}/delete/", configForm, $"/optical-configs/{configId}/delete/" })
        {
            using var crossSite = await owner.Http.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = "cross site" }));
            Assert.Equal(HttpStatusCode.BadRequest, crossSite.StatusCode);
        }

        Assert.Equal("Form owned", await NameOfMicroscopeAsync(id));
        Assert.Equal("cube", await site.App.WithDbAsync(db => db.OpticalConfigs.Where(c => c.Id == configId).Select(c => c.Name).SingleOrDefaultAsync()));
    }

    private static async Task<(string Id, int ConfigId)> CreateAsync(CookieClient browser)
    {
        using var created = await browser.SendJsonAsync(HttpMethod.Post, "/api/microscopes/", new { name = "Form owned" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        using var config = await browser.SendJsonAsync(HttpMethod.Post, $"/api/microscopes/{id}/optical-configs/", new { name = "cube", laser = 488 });
        Assert.Equal(HttpStatusCode.Created, config.StatusCode);
        return (id, (await config.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());
    }

    private Task<string?> NameOfMicroscopeAsync(string id)
        => site.App.WithDbAsync(db => db.Microscopes.Where(m => m.Id == id).Select(m => m.Name).SingleOrDefaultAsync());
}

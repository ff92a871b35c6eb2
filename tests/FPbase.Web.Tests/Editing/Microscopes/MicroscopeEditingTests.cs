using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FPbase.Web.Tests.Editing.Spectra;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Editing.Microscopes;

/// <summary>
/// Editors create microscopes and optical configs; only the creator (or staff) may change them. Every change
/// shows at once in the microscope's data and the optical-config list.
/// </summary>
public sealed class MicroscopeEditingTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly HttpClient _anonymous = site.App.CreateClient();

    [Fact]
    public async Task AnEditorBuildsAMicroscopeAndItsConfigsAndEveryChangeShowsAtOnce()
    {
        var editor = await site.App.CreateEditorAsync();
        using var script = await site.App.CreateBearerClientAsync(editor);
        var filter = await site.App.WithDbAsync(db => db.Filters.OrderBy(f => f.Id).Select(f => f.Slug).FirstAsync());
        var (listEtag, _) = await EditingClients.GetAsync(_anonymous, "/api/optical-configs-list/");

        var created = await script.Http.PostAsJsonAsync("/api/microscopes/", new { name = "Test scope", description = "widefield", extra_lasers = new[] { 488, 561 } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("no-store", EditingClients.CacheControl(created));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var (scopeEtag, scopeBody) = await EditingClients.GetAsync(_anonymous, $"/api/microscopes/{id}/");
        Assert.Contains("Test scope", scopeBody);
        Assert.DoesNotContain(editor.Id, scopeBody);

        var config = await script.Http.PostAsJsonAsync($"/api/microscopes/{id}/optical-configs/", new
        {
            name = "GFP cube",
            laser = 488,
            filters = new[] { new { filter, path = "em", reflects = false }, new { filter, path = "bs", reflects = true } },
        });
        Assert.Equal(HttpStatusCode.Created, config.StatusCode);
        var configId = (await config.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var (listEtag2, listBody) = await EditingClients.GetAsync(_anonymous, "/api/optical-configs-list/");
        Assert.NotEqual(listEtag, listEtag2);
        Assert.Contains("GFP cube", listBody);
        var (scopeEtag2, scopeBody2) = await RevalidateAsync($"/api/microscopes/{id}/", scopeEtag!);
        Assert.NotEqual(scopeEtag, scopeEtag2);
        Assert.Contains($"\"filter\":\"{filter}\",\"path\":\"bs\",\"reflects\":true", scopeBody2);

        var renamed = await script.Http.PutAsJsonAsync($"/api/optical-configs/{configId}/", new { name = "GFP cube 2", filters = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var (scopeEtag3, scopeBody3) = await RevalidateAsync($"/api/microscopes/{id}/", scopeEtag2!);
        Assert.NotEqual(scopeEtag2, scopeEtag3);
        Assert.Contains("GFP cube 2", scopeBody3);
        Assert.Equal(0, await site.App.WithDbAsync(db => db.FilterPlacements.CountAsync(p => p.ConfigId == configId)));

        Assert.Equal(HttpStatusCode.NoContent, (await script.Http.DeleteAsync($"/api/optical-configs/{configId}/")).StatusCode);
        Assert.DoesNotContain("GFP cube 2", (await EditingClients.GetAsync(_anonymous, "/api/optical-configs-list/")).Body);
        Assert.Equal(HttpStatusCode.NoContent, (await script.Http.DeleteAsync($"/api/microscopes/{id}/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _anonymous.GetAsync($"/api/microscopes/{id}/")).StatusCode);
    }

    [Fact]
    public async Task AnotherEditorMayNotChangeAMicroscopeButStaffMay()
    {
        using var owner = await site.App.CreateBearerClientAsync(await site.App.CreateEditorAsync());
        var id = (await (await owner.Http.PostAsJsonAsync("/api/microscopes/", new { name = "Mine" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var configId = (await (await owner.Http.PostAsJsonAsync($"/api/microscopes/{id}/optical-configs/", new { name = "c" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        using var other = await site.App.CreateBearerClientAsync(await site.App.CreateEditorAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Http.PutAsJsonAsync($"/api/microscopes/{id}/", new { name = "Theirs" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Http.DeleteAsync($"/api/microscopes/{id}/")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Http.PostAsJsonAsync($"/api/microscopes/{id}/optical-configs/", new { name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Http.PutAsJsonAsync($"/api/optical-configs/{configId}/", new { name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Http.DeleteAsync($"/api/optical-configs/{configId}/")).StatusCode);
        var seeded = await site.App.WithDbAsync(db => db.Microscopes.OrderBy(m => m.Id).Select(m => m.Id).FirstAsync(m => m != id));
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Http.DeleteAsync($"/api/microscopes/{seeded}/")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _anonymous.PutAsJsonAsync($"/api/microscopes/{id}/", new { name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _anonymous.PostAsJsonAsync("/api/microscopes/", new { name = "x" })).StatusCode);
        Assert.Equal("Mine", await site.App.WithDbAsync(db => db.Microscopes.Where(m => m.Id == id).Select(m => m.Name).SingleAsync()));

        using var staff = await site.App.CreateBearerClientAsync(await site.App.CreateStaffAsync());
        Assert.Equal(HttpStatusCode.OK, (await staff.Http.PutAsJsonAsync($"/api/microscopes/{id}/", new { name = "Renamed by staff" })).StatusCode);
    }

    public static TheoryData<string, object> BadConfigs() => new()
    {
        { "name", new { name = "" } },
        { "laser", new { name = "c", laser = 200 } },
        { "laser", new { name = "c", laser = 1700 } },
        { "filters[0].filter", new { name = "c", filters = new[] { new { filter = "no-such-filter", path = "ex" } } } },
        { "filters[0].path", new { name = "c", filters = new[] { new { filter = "x", path = "sideways" } } } },
        { "light", new { name = "c", light = "no-such-light" } },
        { "camera", new { name = "c", camera = "no-such-camera" } },
    };

    [Theory]
    [MemberData(nameof(BadConfigs))]
    public async Task ABadOpticalConfigIsA400NamingTheFieldAndChangesNothing(string field, object body)
    {
        using var script = await site.App.CreateBearerClientAsync(await site.App.CreateEditorAsync());
        var id = (await (await script.Http.PostAsJsonAsync("/api/microscopes/", new { name = "Validation" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var before = await site.App.WithDbAsync(db => db.OpticalConfigs.CountAsync());
        var response = await script.Http.PostAsJsonAsync($"/api/microscopes/{id}/optical-configs/", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(before, await site.App.WithDbAsync(db => db.OpticalConfigs.CountAsync()));
    }

    [Fact]
    public async Task ABadMicroscopeIsA400AndACrossSiteCookieWriteIsRefused()
    {
        var editor = await site.App.CreateEditorAsync();
        using var browser = await site.App.LoginAsync(editor);
        var before = await site.App.WithDbAsync(db => db.Microscopes.CountAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.SendJsonAsync(HttpMethod.Post, "/api/microscopes/", new { name = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.SendJsonAsync(HttpMethod.Post, "/api/microscopes/", new { name = "ok", extra_lasers = new[] { 100 } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.Http.PostAsJsonAsync("/api/microscopes/", new { name = "no token" })).StatusCode);
        Assert.Equal(before, await site.App.WithDbAsync(db => db.Microscopes.CountAsync()));
        Assert.Equal(HttpStatusCode.Created, (await browser.SendJsonAsync(HttpMethod.Post, "/api/microscopes/", new { name = "with token" })).StatusCode);
    }

    private async Task<(string? ETag, string Body)> RevalidateAsync(string path, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(etag));
        using var response = await _anonymous.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response.Headers.ETag?.Tag, await response.Content.ReadAsStringAsync());
    }
}

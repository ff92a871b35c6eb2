using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Editing.Microscopes;

/// <summary>
/// Optimistic concurrency for microscopes and optical configs: a write with the ETag of the GET as If-Match succeeds
/// (in any content-coding), a stale one is a 412 and changes nothing, and a write without If-Match proceeds.
/// </summary>
public sealed class MicroscopeConcurrencyTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task AStaleIfMatchOnAMicroscopeIs412AndTheCurrentOneInGzipSucceeds()
    {
        using var script = await site.App.CreateBearerClientAsync(await site.App.CreateEditorAsync());
        var id = await CreateMicroscopeAsync(script.Http, "Concurrent scope");
        var url = $"/api/microscopes/{id}/";
        var stale = await ETagAsync(script.Http, url);
        Assert.Equal(HttpStatusCode.OK, (await script.Http.PutAsJsonAsync(url, new { name = "First edit" })).StatusCode);

        using (var rejected = await script.Http.SendAsync(Write(HttpMethod.Put, url, new { name = "Lost update" }, stale)))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, rejected.StatusCode);
        }

        using (var rejectedDelete = await script.Http.SendAsync(Write(HttpMethod.Delete, url, null, stale)))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, rejectedDelete.StatusCode);
        }

        Assert.Equal("First edit", await NameOfMicroscopeAsync(id));

        var current = await ETagAsync(script.Http, url, "gzip");
        Assert.EndsWith("-gzip\"", current, StringComparison.Ordinal);
        using (var accepted = await script.Http.SendAsync(Write(HttpMethod.Put, url, new { name = "Second edit" }, current)))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        Assert.Equal("Second edit", await NameOfMicroscopeAsync(id));
        using (var deleted = await script.Http.SendAsync(Write(HttpMethod.Delete, url, null, await ETagAsync(script.Http, url))))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        Assert.Null(await NameOfMicroscopeAsync(id));
    }

    [Fact]
    public async Task AStaleIfMatchOnAnOpticalConfigIs412AndTheCurrentOneSucceeds()
    {
        using var script = await site.App.CreateBearerClientAsync(await site.App.CreateEditorAsync());
        var id = await CreateMicroscopeAsync(script.Http, "Config scope");
        var created = await script.Http.PostAsJsonAsync($"/api/microscopes/{id}/optical-configs/", new { name = "cube", laser = 488 });
        var configId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var url = $"/api/optical-configs/{configId}/";

        using var anonymous = site.App.CreateClient();
        using (var get = await anonymous.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
            var body = await get.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("cube", body.GetProperty("name").GetString());
            Assert.Equal(488, body.GetProperty("laser").GetInt32());
        }

        var stale = await ETagAsync(anonymous, url);
        Assert.Equal(HttpStatusCode.OK, (await script.Http.PutAsJsonAsync(url, new { name = "cube 2" })).StatusCode);
        Assert.NotEqual(stale, await ETagAsync(anonymous, url));

        using (var rejected = await script.Http.SendAsync(Write(HttpMethod.Put, url, new { name = "lost" }, stale)))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, rejected.StatusCode);
        }

        using (var rejectedDelete = await script.Http.SendAsync(Write(HttpMethod.Delete, url, null, stale)))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, rejectedDelete.StatusCode);
        }

        Assert.Equal("cube 2", await NameOfConfigAsync(configId));

        var current = await ETagAsync(script.Http, url, "gzip");
        using (var accepted = await script.Http.SendAsync(Write(HttpMethod.Put, url, new { name = "cube 3" }, current)))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        Assert.Equal("cube 3", await NameOfConfigAsync(configId));
        using (var deleted = await script.Http.SendAsync(Write(HttpMethod.Delete, url, null, await ETagAsync(script.Http, url))))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        Assert.Null(await NameOfConfigAsync(configId));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task WritesWithoutIfMatchProceed()
    {
        using var script = await site.App.CreateBearerClientAsync(await site.App.CreateEditorAsync());
        var id = await CreateMicroscopeAsync(script.Http, "No precondition");
        var configId = (await (await script.Http.PostAsJsonAsync($"/api/microscopes/{id}/optical-configs/", new { name = "c" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await script.Http.PutAsJsonAsync($"/api/optical-configs/{configId}/", new { name = "c2" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await script.Http.DeleteAsync($"/api/optical-configs/{configId}/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await script.Http.PutAsJsonAsync($"/api/microscopes/{id}/", new { name = "renamed" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await script.Http.DeleteAsync($"/api/microscopes/{id}/")).StatusCode);
    }

    private static async Task<string> CreateMicroscopeAsync(HttpClient client, string name)
    {
        using var created = await client.PostAsJsonAsync("/api/microscopes/", new { name });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<string> ETagAsync(HttpClient client, string url, string? acceptEncoding = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptEncoding is not null)
        {
            request.Headers.AcceptEncoding.ParseAdd(acceptEncoding);
        }

        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag!.Tag;
    }

    private static HttpRequestMessage Write(HttpMethod method, string url, object? body, string ifMatch)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        return request;
    }

    private Task<string?> NameOfMicroscopeAsync(string id)
        => site.App.WithDbAsync(db => db.Microscopes.Where(m => m.Id == id).Select(m => m.Name).SingleOrDefaultAsync());

    private Task<string?> NameOfConfigAsync(int id)
        => site.App.WithDbAsync(db => db.OpticalConfigs.Where(c => c.Id == id).Select(c => c.Name).SingleOrDefaultAsync());
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FPbase.Web.Tests.Infrastructure;

namespace FPbase.Web.Tests.Pages;

/// <summary>
/// <c>/microscopes/</c>: FPbase lists microscopes with more than one optical config; a user's other microscopes are
/// unlisted, shown to that user only. The page is per user (private, the user in the ETag), revalidates with a 304,
/// and lists a microscope at once when it gets its second config.
/// </summary>
public sealed class MicroscopeListTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task AnUnlistedMicroscopeIsShownToItsCreatorOnlyAndIsListedForEveryoneOnceItHasTwoConfigs()
    {
        using var anonymous = site.App.CreateClient();
        using var owner = await site.App.CreateBearerClientAsync(await site.App.CreateEditorAsync());
        using var other = await site.App.CreateBearerClientAsync(await site.App.CreateEditorAsync());
        var name = "Unlisted scope " + Guid.NewGuid().ToString("N")[..8];
        using var created = await owner.Http.PostAsJsonAsync("/api/microscopes/", new { name });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.Created, (await owner.Http.PostAsJsonAsync($"/api/microscopes/{id}/optical-configs/", new { name = "first", laser = 488 })).StatusCode);

        var anonymousPage = await anonymous.GetAsync("/microscopes/");
        Assert.Equal(HttpStatusCode.OK, anonymousPage.StatusCode);
        Assert.True(anonymousPage.Headers.CacheControl!.Private);
        var anonymousHtml = await anonymousPage.Content.ReadAsStringAsync();
        Assert.Contains("Example Simple Widefield", anonymousHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(name, anonymousHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(name, await other.Http.GetStringAsync("/microscopes/"), StringComparison.Ordinal);

        var ownerPage = await owner.Http.GetAsync("/microscopes/");
        var ownerHtml = await ownerPage.Content.ReadAsStringAsync();
        Assert.True(ownerPage.Headers.CacheControl!.Private);
        Assert.Contains($"<li data-id=\"{id}\"><a href=\"/microscope/{id}/\">{name}</a> (1 optical configs) · <a href=\"/microscopes/{id}/edit/\">edit</a></li>", ownerHtml, StringComparison.Ordinal);
        Assert.NotEqual(anonymousPage.Headers.ETag, ownerPage.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await PageRequests.GetIfNoneMatch(owner.Http, "/microscopes/", ownerPage.Headers.ETag!)).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await PageRequests.GetIfNoneMatch(anonymous, "/microscopes/", anonymousPage.Headers.ETag!)).StatusCode);

        // Another user's ETag is not this user's page: the other editor presenting the owner's gets a 200 without the microscope.
        var borrowed = await PageRequests.GetIfNoneMatch(other.Http, "/microscopes/", ownerPage.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, borrowed.StatusCode);
        Assert.DoesNotContain(name, await borrowed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Created, (await owner.Http.PostAsJsonAsync($"/api/microscopes/{id}/optical-configs/", new { name = "second", laser = 561 })).StatusCode);
        var listed = await PageRequests.GetIfNoneMatch(anonymous, "/microscopes/", anonymousPage.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Contains($"<a href=\"/microscope/{id}/\">{name}</a> (2 optical configs)", await listed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

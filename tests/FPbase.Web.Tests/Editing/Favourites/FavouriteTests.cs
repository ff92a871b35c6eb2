using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FPbase.Web.Tests.Editing.Spectra;
using FPbase.Web.Tests.Infrastructure;

namespace FPbase.Web.Tests.Editing.Favourites;

/// <summary>Favourites are per user: private, never stored, and they change no public page's ETag.</summary>
public sealed class FavouriteTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static readonly string[] PublicPages = ["/protein/egfp/", "/api/proteins/", "/api/spectra-list/", "/table/", "/"];

    [Fact]
    public async Task AUserAddsAndRemovesFavouritesWithoutChangingAnyPublicEtag()
    {
        using var anonymous = site.App.CreateClient();
        var before = new Dictionary<string, string?>();
        foreach (var page in PublicPages)
        {
            before[page] = (await EditingClients.GetAsync(anonymous, page)).ETag;
        }

        var user = await site.App.CreateEditorAsync();
        using var browser = await site.App.LoginAsync(user);
        var add = await browser.SendJsonAsync(HttpMethod.Post, "/api/proteins/egfp/favourite/");
        Assert.Equal(HttpStatusCode.OK, add.StatusCode);
        Assert.Equal("private, no-store", EditingClients.CacheControl(add));
        Assert.Equal(HttpStatusCode.OK, (await browser.SendJsonAsync(HttpMethod.Post, "/api/proteins/egfp/favourite/")).StatusCode);

        var mine = await browser.Http.GetAsync("/api/me/favourites/");
        Assert.Equal("private, no-store", EditingClients.CacheControl(mine));
        var mineBody = await mine.Content.ReadAsStringAsync();
        Assert.True(mine.StatusCode == HttpStatusCode.OK, mineBody);
        var slugs = JsonDocument.Parse(mineBody).RootElement.EnumerateArray().Select(f => f.GetProperty("slug").GetString()).ToList();
        Assert.Equal(["egfp"], slugs);

        using var other = await site.App.CreateBearerClientAsync(await site.App.CreateEditorAsync());
        Assert.Empty((await other.Http.GetFromJsonAsync<JsonElement>("/api/me/favourites/")).EnumerateArray());

        foreach (var page in PublicPages)
        {
            var (etag, body) = await EditingClients.GetAsync(anonymous, page);
            Assert.Equal(before[page], etag);
            Assert.DoesNotContain(user.UserName, body);
        }

        Assert.Equal(HttpStatusCode.OK, (await browser.SendJsonAsync(HttpMethod.Delete, "/api/proteins/egfp/favourite/")).StatusCode);
        Assert.Empty((await browser.Http.GetFromJsonAsync<JsonElement>("/api/me/favourites/")).EnumerateArray());
        foreach (var page in PublicPages)
        {
            Assert.Equal(before[page], (await EditingClients.GetAsync(anonymous, page)).ETag);
        }
    }

    [Fact]
    public async Task FavouritesNeedALoginAndAKnownProtein()
    {
        using var anonymous = site.App.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/proteins/egfp/favourite/", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/me/favourites/")).StatusCode);
        using var script = await site.App.CreateBearerClientAsync(await site.App.CreateEditorAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await script.Http.PostAsync("/api/proteins/no-such-protein/favourite/", null)).StatusCode);
    }
}

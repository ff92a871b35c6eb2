using FPbase.Data;
using FPbase.Data.Identity;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Accounts;

/// <summary>
/// Account data is per-user: writing it bumps no public resource. (That every entity has a rule, and account entities
/// touch nothing, is tested with the map in FPbase.Data.Tests.)
/// </summary>
public sealed class AccountCacheRulesTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task UsersRolesTokensAndFavouritesChangeNoPublicEtag()
    {
        using var client = site.App.CreateClient();
        var protein = await site.App.WithDbAsync(db => db.Proteins.OrderBy(p => p.Id).Select(p => new { p.Id, p.Slug }).FirstAsync());
        // The favourite protein's own page too: a favourite points at its protein by foreign key, but its rule in
        // CacheDependencies names no resource (it is on no public page), so not even that page is bumped.
        string[] urls = ["/api/spectra-list/", "/api/proteins/", "/api/optical-configs-list/", "/", $"/protein/{protein.Slug}/"];
        var before = await ETagsAsync(client, urls);

        var editor = await site.App.CreateStaffAsync();
        using (await site.App.CreateBearerClientAsync(editor))
        {
        }

        await site.App.WithDbAsync(async db =>
        {
            db.ProteinFavourites.Add(new ProteinFavourite { UserId = editor.Id, ProteinId = protein.Id });
            await db.SaveChangesAsync();
            await db.ApiTokens.Where(t => t.UserId == editor.Id).ExecuteDeleteAsync();
        });

        Assert.Equal(before, await ETagsAsync(client, urls));
    }

    private static async Task<List<string?>> ETagsAsync(HttpClient client, IEnumerable<string> urls)
    {
        var etags = new List<string?>();
        foreach (var url in urls)
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            etags.Add(response.Headers.ETag?.Tag);
        }

        Assert.All(etags, Assert.NotNull);
        return etags;
    }
}

using FPbase.Data.Entities;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Pages;

/// <summary>
/// An excerpt on a protein page names other proteins: their names become links to their pages, the page's own
/// protein is set in bold, and the page changes at once when a protein it links is renamed, and not when that
/// protein changes anything the link does not show.
/// </summary>
public sealed class ExcerptLinkTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task AProteinNamedInAnExcerptIsLinkedAndRenamingItChangesThePageAtOnce()
    {
        var (a, b) = await PageRequests.TwoProteins(site.App, skip: 6);
        var client = site.App.CreateClient();
        var (aName, bName) = await site.App.WithDbAsync(async db =>
        {
            var proteins = await db.Proteins.Where(p => p.Slug == a || p.Slug == b).ToDictionaryAsync(p => p.Slug);
            db.Excerpts.Add(new Excerpt { Content = $"Unlike {proteins[b].Name}, {proteins[a].Name} matures fast.", Proteins = [proteins[a]] });
            await db.SaveChangesAsync();
            return (proteins[a].Name, proteins[b].Name);
        });

        var html = await client.GetStringAsync($"/protein/{a}/");
        Assert.Contains($"Unlike <a href=\"/protein/{b}/\" class=\"protein-link\">{bName}</a>, <strong>{aName}</strong> matures fast.", html, StringComparison.Ordinal);
        var page = await PageRequests.ETagOf(client, $"/protein/{a}/");

        await PageRequests.Edit(site.App, async db => (await db.Proteins.SingleAsync(p => p.Slug == b)).Blurb = "Nothing a link shows.");
        Assert.Equal(page, await PageRequests.ETagOf(client, $"/protein/{a}/"));

        await PageRequests.Edit(site.App, async db => (await db.Proteins.SingleAsync(p => p.Slug == b)).Name = bName + "-renamed");
        Assert.NotEqual(page, await PageRequests.ETagOf(client, $"/protein/{a}/"));
        html = await client.GetStringAsync($"/protein/{a}/");
        Assert.DoesNotContain($"<a href=\"/protein/{b}/\"", html, StringComparison.Ordinal);
        Assert.Contains($"Unlike {bName},", html, StringComparison.Ordinal);
    }
}

using System.Net;
using FPbase.Data.Entities;
using FPbase.Web.Tests.Infrastructure;
using FPbase.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FPbase.Web.Tests.Caching;

/// <summary>
/// A write's links (an excerpt to the proteins it is about) are looked up before it commits, outside
/// its locks; a concurrent transaction can move the link in between. The page the link leads to
/// after the commit must still change.
/// </summary>
public sealed class ConcurrentRelinkTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly HttpClient _client = site.App.CreateClient();

    [Fact]
    public async Task AnExcerptEditedWhileAnotherEditorMovesItToAnotherProteinChangesTheNewProteinsPage()
    {
        var (a, b) = await PageRequests.TwoProteins(site.App, skip: 5);
        var original = "Original passage " + Guid.NewGuid().ToString("N")[..8];
        var edited = "Edited passage " + Guid.NewGuid().ToString("N")[..8];
        var excerptId = await site.App.WithDbAsync(async db =>
        {
            var excerpt = new Excerpt { Content = original, Proteins = [await db.Proteins.SingleAsync(p => p.Slug == a)] };
            db.Excerpts.Add(excerpt);
            await db.SaveChangesAsync();
            return excerpt.Id;
        });

        // Editor 1 changes the passage; its transaction is still open.
        await using var scope1 = site.App.Services.CreateAsyncScope();
        var editor1 = scope1.ServiceProvider.GetRequiredService<FPbase.Data.FpbaseDbContext>();
        await using var transaction = await editor1.Database.BeginTransactionAsync();
        (await editor1.Excerpts.SingleAsync(e => e.Id == excerptId)).Content = edited;
        await editor1.SaveChangesAsync();

        // Editor 2 moves the excerpt from A to B and commits first.
        await site.App.WithDbAsync(async db =>
        {
            var excerpt = await db.Excerpts.Include(e => e.Proteins).SingleAsync(e => e.Id == excerptId);
            excerpt.Proteins.Clear();
            excerpt.Proteins.Add(await db.Proteins.SingleAsync(p => p.Slug == b));
            await db.SaveChangesAsync();
        });

        // A reader now caches B's page with the old passage (editor 1 has not committed).
        var page = await _client.GetAsync($"/protein/{b}/");
        Assert.Contains(original, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var etag = page.Headers.ETag!;

        await transaction.CommitAsync();

        var after = await PageRequests.GetIfNoneMatch(_client, $"/protein/{b}/", etag);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains(edited, await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

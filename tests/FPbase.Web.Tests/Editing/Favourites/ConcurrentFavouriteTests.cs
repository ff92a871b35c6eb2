using System.Net;
using FPbase.Data.Identity;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Editing.Favourites;

/// <summary>Adding a favourite twice at the same time is never a 500: the second add finds it made and says so.</summary>
public sealed class ConcurrentFavouriteTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task TwoConcurrentAddsOfTheSameFavouriteBothSucceedAndStoreOneRow()
    {
        var user = await site.App.CreateEditorAsync();
        using var script = await site.App.CreateBearerClientAsync(user);
        var slugs = await site.App.WithDbAsync(db => db.Proteins.OrderBy(p => p.Id).Select(p => p.Slug).Take(5).ToListAsync());
        foreach (var slug in slugs)
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => script.Http.PostAsync($"/api/proteins/{slug}/favourite/", null)));
            Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
            var removals = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => script.Http.DeleteAsync($"/api/proteins/{slug}/favourite/")));
            Assert.All(removals, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
            Assert.Equal(HttpStatusCode.OK, (await script.Http.PostAsync($"/api/proteins/{slug}/favourite/", null)).StatusCode);
        }

        Assert.Equal(slugs.Count, await site.App.WithDbAsync(db => db.ProteinFavourites.CountAsync(f => f.UserId == user.Id)));
    }

    [Fact]
    public async Task AnAddThatLosesTheRaceOnTheUniqueKeyAnswers200()
    {
        // Deterministic race: an open transaction holds an uncommitted favourite, so the request does not see it,
        // and its insert waits on the key until the transaction commits, then meets the unique violation.
        var user = await site.App.CreateEditorAsync();
        using var script = await site.App.CreateBearerClientAsync(user);
        var protein = await site.App.WithDbAsync(db => db.Proteins.Where(p => p.Slug == "egfp").Select(p => p.Id).SingleAsync());
        var response = await site.App.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.ProteinFavourites.Add(new ProteinFavourite { UserId = user.Id, ProteinId = protein });
            await db.SaveChangesAsync();
            var request = script.Http.PostAsync("/api/proteins/egfp/favourite/", null);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (!request.IsCompleted && await site.App.WithDbAsync(watcher => watcher.Database
                .SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
                .SingleAsync(timeout.Token)) == 0)
            {
                timeout.Token.ThrowIfCancellationRequested();
            }

            Assert.False(request.IsCompleted, "the request should be waiting on the uncommitted favourite");
            await transaction.CommitAsync();
            return await request;
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"favourite\":true", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, await site.App.WithDbAsync(db => db.ProteinFavourites.CountAsync(f => f.UserId == user.Id)));
    }
}

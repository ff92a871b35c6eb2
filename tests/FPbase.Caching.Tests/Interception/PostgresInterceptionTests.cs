using FPbase.Caching.Interception;
using FPbase.Caching.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Caching.Tests.Interception;

public sealed class PostgresInterceptionTests : InterceptionTests
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync();

    // Ambient System.Transactions scopes: Npgsql enlists in them; the SQLite provider refuses them.
    [Fact]
    public async Task SaveChangesInACompletedTransactionScopeIsBumpedBeforeTheScopesDisposeReturns()
    {
        var before = await SnapshotAsync();

        // A bump that takes a while, as a round trip to Redis does: Dispose must wait for it.
        Store.Latency = TimeSpan.FromMilliseconds(200);
        using (var scope = new System.Transactions.TransactionScope(System.Transactions.TransactionScopeAsyncFlowOption.Enabled))
        {
            await using var db = App.NewContext();
            (await db.Widgets.SingleAsync(w => w.Id == 1)).Name = "uno";
            await db.SaveChangesAsync();
            (await db.Widgets.SingleAsync(w => w.Id == 2)).Name = "dos";
            await db.SaveChangesAsync();

            Assert.Empty(Store.Bumps);
            scope.Complete();
        }

        // One bump for the scope, done when the writer's code goes on.
        Assert.Equal(["widget:1", "widget:2", "widgets"], Assert.Single(Store.Bumps));
        Assert.Equal(["widget:1", "widget:2", "widgets"], await ChangedSinceAsync(before));
    }

    [Fact]
    public async Task ExecuteUpdateInATransactionScopeIsBumpedWhenTheScopeCommitsNotBefore()
    {
        var before = await SnapshotAsync();
        Store.Latency = TimeSpan.FromMilliseconds(100);
        using (var scope = new System.Transactions.TransactionScope(System.Transactions.TransactionScopeAsyncFlowOption.Enabled))
        {
            await using var db = App.NewContext();
            await db.Widgets.Where(w => w.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(w => w.Name, "uno"));

            // Not committed yet: a reader still sees the old name, so nothing may be bumped.
            Assert.Empty(Store.Bumps);
            scope.Complete();
        }

        Assert.Equal(["widget:*", "widgets"], Assert.Single(Store.Bumps));
        Assert.Equal(["widget:*", "widgets"], await ChangedSinceAsync(before));
    }

    [Fact]
    public async Task ExecuteUpdateInAnAbandonedTransactionScopeBumpsNothing()
    {
        var before = await SnapshotAsync();
        using (new System.Transactions.TransactionScope(System.Transactions.TransactionScopeAsyncFlowOption.Enabled))
        {
            await using var db = App.NewContext();
            await db.Widgets.Where(w => w.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(w => w.Name, "uno"));
        }

        Assert.Empty(Store.Bumps);
        Assert.Empty(await ChangedSinceAsync(before));
        Assert.Empty(await App.OutboxAsync());
    }

    [Fact]
    public async Task SaveChangesInAnAbandonedTransactionScopeBumpsNothing()
    {
        var before = await SnapshotAsync();
        using (new System.Transactions.TransactionScope(System.Transactions.TransactionScopeAsyncFlowOption.Enabled))
        {
            await using var db = App.NewContext();
            (await db.Widgets.SingleAsync(w => w.Id == 1)).Name = "uno";
            await db.SaveChangesAsync();
        }

        Assert.Empty(Store.Bumps);
        Assert.Empty(await ChangedSinceAsync(before));
        Assert.Empty(await App.OutboxAsync());
    }

    private protected override string GadgetTable => $"{TestDbContext.GadgetSchema}.\"Gadgets\"";
}

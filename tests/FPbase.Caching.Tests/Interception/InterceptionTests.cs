using FPbase.Caching.Interception;
using FPbase.Caching.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Caching.Tests.Interception;

/// <summary>
/// What the EF Core interceptors bump, on a real provider (the subclasses), observed twice: as the
/// exact resources handed to the store, and as the stamps the store then returns (only the
/// resources a write touched may get a new stamp). Each test has its own database.
/// </summary>
public abstract partial class InterceptionTests : IAsyncLifetime
{
    /// <summary>Every resource whose stamp the tests watch.</summary>
    private static readonly string[] Watched = ["widgets", "gadgets", "widget:1", "widget:2", "widget:3", "widget:4", "widget:*"];

    private TestDatabase? _database;
    private VersioningHarness? _app;

    private protected RecordingVersionStore Store { get; } = new();

    private protected ManualTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));

    private protected VersioningHarness App => _app ?? throw new InvalidOperationException("Not initialized.");

    private protected TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialized.");

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        _database = await CreateDatabaseAsync();
        _app = NewInstance();
        await App.EnsureCreatedAsync();
        await using (var db = App.NewContext())
        {
            db.AddRange(new Widget { Id = 1, Name = "one" }, new Widget { Id = 2, Name = "two" }, new Widget { Id = 3, Name = "three" });
            db.Add(new Gadget { Id = 10, Name = "ten", WidgetId = 1 });
            await db.SaveChangesAsync();
        }

        // Start every test from a clean slate: the seed's bumps are confirmed, its outbox row deleted.
        await App.DrainOnceAsync();
        Assert.Empty(await App.OutboxAsync());
        Store.Clear();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>Another application instance over the same database and version store.</summary>
    private protected VersioningHarness NewInstance() => VersioningHarness.Create(Database, Store, options => options.TimeProvider = Clock);

    [Fact]
    public async Task InsertingAWidgetBumpsTheWidgetListAndTheNewRow()
    {
        var before = await SnapshotAsync();
        await using (var db = App.NewContext())
        {
            db.Add(new Widget { Id = 4, Name = "four" });

            // The outbox row written alongside is the library's own: the caller saved one entity.
            Assert.Equal(1, await db.SaveChangesAsync());
        }

        Assert.Equal(["widget:4", "widgets"], Store.Bumped);
        Assert.Equal(["widget:4", "widgets"], await ChangedSinceAsync(before));
    }

    [Fact]
    public async Task UpdatingAWidgetBumpsTheWidgetListAndThatRowOnly()
    {
        var before = await SnapshotAsync();
        await using (var db = App.NewContext())
        {
            var widget = await db.Widgets.SingleAsync(w => w.Id == 2);
            widget.Name = "zwei";
            await db.SaveChangesAsync();
        }

        Assert.Equal(["widget:2", "widgets"], Store.Bumped);
        Assert.Equal(["widget:2", "widgets"], await ChangedSinceAsync(before));
    }

    [Fact]
    public async Task DeletingAWidgetBumpsTheWidgetListAndThatRow()
    {
        var before = await SnapshotAsync();
        await using (var db = App.NewContext())
        {
            db.Remove(await db.Widgets.SingleAsync(w => w.Id == 3));
            await db.SaveChangesAsync();
        }

        Assert.Equal(["widget:3", "widgets"], Store.Bumped);
        Assert.Equal(["widget:3", "widgets"], await ChangedSinceAsync(before));
    }

    [Fact]
    public async Task SaveChangesThatChangesNothingBumpsNothingAndWritesNoOutboxRow()
    {
        var before = await SnapshotAsync();
        await using (var db = App.NewContext())
        {
            var widget = await db.Widgets.SingleAsync(w => w.Id == 1);
            widget.Name = "one";
            Assert.Equal(0, await db.SaveChangesAsync());
            Assert.Equal(0, await db.SaveChangesAsync());
        }

        Assert.Empty(Store.Bumps);
        Assert.Empty(await ChangedSinceAsync(before));
        Assert.Empty(await App.OutboxAsync());
    }

    [Fact]
    public async Task MovingAGadgetToAnotherWidgetBumpsBothWidgetsRows()
    {
        var before = await SnapshotAsync();
        await using (var db = App.NewContext())
        {
            var gadget = await db.Gadgets.SingleAsync(g => g.Id == 10);
            gadget.WidgetId = 2;
            await db.SaveChangesAsync();
        }

        Assert.Equal(["gadgets", "widget:1", "widget:2"], Store.Bumped);
        Assert.Equal(["gadgets", "widget:1", "widget:2"], await ChangedSinceAsync(before));
    }

    [Fact]
    public async Task SaveChangesInAnExplicitTransactionBumpsOnlyWhenItCommits()
    {
        var before = await SnapshotAsync();
        await using (var db = App.NewContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            (await db.Widgets.SingleAsync(w => w.Id == 1)).Name = "uno";
            await db.SaveChangesAsync();
            (await db.Widgets.SingleAsync(w => w.Id == 2)).Name = "dos";
            await db.SaveChangesAsync();

            Assert.Empty(Store.Bumps);
            Assert.Empty(await ChangedSinceAsync(before));

            await transaction.CommitAsync();
        }

        // Both SaveChanges reach the store together, once, after the commit.
        var bump = Assert.Single(Store.Bumps);
        Assert.Equal(["widget:1", "widget:2", "widgets"], bump);
        Assert.Equal(["widget:1", "widget:2", "widgets"], await ChangedSinceAsync(before));
    }

    [Fact]
    public async Task ARolledBackTransactionBumpsNothingAndIsForgotten()
    {
        var before = await SnapshotAsync();
        await using (var db = App.NewContext())
        {
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                (await db.Widgets.SingleAsync(w => w.Id == 1)).Name = "uno";
                await db.SaveChangesAsync();
                await transaction.RollbackAsync();
            }

            Assert.Empty(Store.Bumps);
            Assert.Empty(await ChangedSinceAsync(before));
            Assert.Empty(await App.OutboxAsync());

            // The same context's next write bumps only what it wrote, not the rolled-back change.
            db.ChangeTracker.Clear();
            (await db.Widgets.SingleAsync(w => w.Id == 2)).Name = "dos";
            await db.SaveChangesAsync();
        }

        Assert.Equal(["widget:2", "widgets"], Store.Bumped);
        Assert.Equal(["widget:2", "widgets"], await ChangedSinceAsync(before));
    }

    [Fact]
    public async Task ExecuteUpdateBumpsTheTablesListAndTheRowFamily()
    {
        var before = await SnapshotAsync();
        await using (var db = App.NewContext())
        {
            var updated = await db.Widgets.Where(w => w.Id >= 2).ExecuteUpdateAsync(s => s.SetProperty(w => w.Name, "renamed"));
            Assert.Equal(2, updated);
        }

        Assert.Equal(["widget:*", "widgets"], Store.Bumped);
        Assert.Equal(["widget:*", "widgets"], await ChangedSinceAsync(before));
    }

    [Fact]
    public async Task ExecuteDeleteOnGadgetsBumpsTheGadgetListAndTheWidgetFamily()
    {
        var before = await SnapshotAsync();
        await using (var db = App.NewContext())
        {
            Assert.Equal(1, await db.Gadgets.Where(g => g.WidgetId == 1).ExecuteDeleteAsync());
        }

        Assert.Equal(["gadgets", "widget:*"], Store.Bumped);
        Assert.Equal(["gadgets", "widget:*"], await ChangedSinceAsync(before));
    }

    [Fact]
    public async Task ExecuteUpdateInsideATransactionBumpsOnlyWhenItCommits()
    {
        var before = await SnapshotAsync();
        await using (var db = App.NewContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Widgets.Where(w => w.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(w => w.Name, "uno"));
            await db.Gadgets.Where(g => g.Id == 10).ExecuteDeleteAsync();

            Assert.Empty(Store.Bumps);
            Assert.Empty(await ChangedSinceAsync(before));

            await transaction.CommitAsync();
        }

        Assert.Equal(["gadgets", "widget:*", "widgets"], Assert.Single(Store.Bumps));
        Assert.Equal(["gadgets", "widget:*", "widgets"], await ChangedSinceAsync(before));
    }

    [Fact]
    public async Task ExecuteDeleteInsideARolledBackTransactionBumpsNothingAndLeavesNoOutboxRow()
    {
        var before = await SnapshotAsync();
        await using (var db = App.NewContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Gadgets.ExecuteDeleteAsync();
            await transaction.RollbackAsync();
        }

        Assert.Empty(Store.Bumps);
        Assert.Empty(await ChangedSinceAsync(before));
        Assert.Empty(await App.OutboxAsync());
        await using (var db = App.NewContext())
        {
            Assert.Equal(1, await db.Gadgets.CountAsync());
        }
    }

    [Fact]
    public async Task RawSqlWritesBumpTheirTableAndRawReadsBumpNothing()
    {
        var before = await SnapshotAsync();
        await using (var db = App.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync("SELECT 1");
            Assert.Empty(Store.Bumps);

            await db.Database.ExecuteSqlRawAsync("""UPDATE "Widgets" SET "Name" = 'raw' WHERE "Id" = 1""");
        }

        Assert.Equal(["widget:*", "widgets"], Assert.Single(Store.Bumps));
        Assert.Equal(["widget:*", "widgets"], await ChangedSinceAsync(before));
    }

    [Fact]
    public async Task ARawWriteThatNamesNoSingleTableBumpsEveryTablesResources()
    {
        var before = await SnapshotAsync();
        await using (var db = App.NewContext())
        {
            // Two statements: the interceptor cannot say which table changed, so it bumps them all.
            var sql = """UPDATE "Widgets" SET "Name" = 'a' WHERE "Id" = 1; UPDATE """ + GadgetTable + """ SET "Name" = 'b' WHERE "Id" = 10""";
            await db.Database.ExecuteSqlRawAsync(sql);
        }

        Assert.Equal(["gadgets", "widget:*", "widgets"], Store.Bumped);
        Assert.Equal(["gadgets", "widget:*", "widgets"], await ChangedSinceAsync(before));
    }

    [Fact]
    public async Task SynchronousSaveChangesAndExecuteUpdateBumpToo()
    {
        var before = await SnapshotAsync();
        using (var db = App.NewContext())
        {
            db.Widgets.Single(w => w.Id == 1).Name = "sync";
            Assert.Equal(1, db.SaveChanges());
            Assert.Equal(["widget:1", "widgets"], Assert.Single(Store.Bumps));

            db.Gadgets.Where(g => g.Id == 10).ExecuteUpdate(s => s.SetProperty(g => g.Name, "sync"));
        }

        Assert.Equal(2, Store.Bumps.Count);
        Assert.Equal(["gadgets", "widget:*"], Store.Bumps[1]);
        Assert.Equal(["gadgets", "widget:*", "widget:1", "widgets"], await ChangedSinceAsync(before));
    }

    [Fact]
    public async Task AFailedSaveChangesBumpsNothingAndLeavesNoOutboxRowBehind()
    {
        var before = await SnapshotAsync();
        await using (var db = App.NewContext())
        {
            db.Add(new Widget { Id = 4, Name = "four" });
            db.Add(new Gadget { Id = 11, Name = "orphan", WidgetId = 999 });
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());

            // The outbox row the interceptor added is not left in the caller's change tracker.
            Assert.Empty(db.ChangeTracker.Entries<OutboxEntry>());
        }

        Assert.Empty(Store.Bumps);
        Assert.Empty(await ChangedSinceAsync(before));
        Assert.Empty(await App.OutboxAsync());
    }

    private protected virtual string GadgetTable => "\"Gadgets\"";

    private protected async Task<Dictionary<string, string>> SnapshotAsync()
    {
        var stamps = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in Watched)
        {
            stamps[resource] = await Store.StampAsync(resource);
        }

        return stamps;
    }

    private protected async Task<string[]> ChangedSinceAsync(Dictionary<string, string> before)
    {
        var changed = new List<string>();
        foreach (var (resource, stamp) in before)
        {
            if (await Store.StampAsync(resource) != stamp)
            {
                changed.Add(resource);
            }
        }

        return changed.Order(StringComparer.Ordinal).ToArray();
    }
}

using FPbase.Caching.Interception;
using FPbase.Caching.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Caching.Tests.Interception;

// The outbox half of InterceptionTests: what happens to a write's bump when the store or the writer fails, and how the
// drainer finishes it.
public abstract partial class InterceptionTests
{
    [Fact]
    public async Task ConfirmedOutboxRowsAreDeletedByTheDrainerWithoutBumpingAgain()
    {
        await using (var db = App.NewContext())
        {
            (await db.Widgets.SingleAsync(w => w.Id == 1)).Name = "uno";
            await db.SaveChangesAsync();
        }

        // The row was written with the change; the writer bumped and confirmed it.
        Assert.Equal(["widget:1", "widgets"], Assert.Single(await App.OutboxAsync()));
        Assert.Single(Store.Bumps);
        var before = await SnapshotAsync();

        // Even once it is past the grace period, a confirmed row is only deleted.
        Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await App.DrainOnceAsync());

        Assert.Empty(await App.OutboxAsync());
        Assert.Single(Store.Bumps);
        Assert.Empty(await ChangedSinceAsync(before));
    }

    [Fact]
    public async Task ABumpThatFailsRefusesTheWriteAndLeavesTheOutboxRowWhichAnotherInstanceBumpsAfterTheGracePeriod()
    {
        var before = await SnapshotAsync();
        Store.Unreachable = true;
        await using (var db = App.NewContext())
        {
            (await db.Widgets.SingleAsync(w => w.Id == 1)).Name = "uno";

            // Not acknowledged: other instances may still serve the old widget.
            await Assert.ThrowsAsync<ResourceVersionsUnconfirmedException>(() => db.SaveChangesAsync());
        }

        // The change is committed; its bump is not made, but it is not lost either.
        await using (var db = App.NewContext())
        {
            Assert.Equal("uno", (await db.Widgets.SingleAsync(w => w.Id == 1)).Name);
        }

        Assert.Empty(Store.Bumps);
        Assert.Empty(await ChangedSinceAsync(before));
        Assert.Equal(["widget:1", "widgets"], Assert.Single(await App.OutboxAsync()));

        // The writer never comes back; a fresh instance drains once the store answers again.
        Store.Unreachable = false;
        await App.DisposeAsync();
        await using var other = NewInstance();

        Assert.Equal(0, await other.DrainOnceAsync());
        Assert.Single(await other.OutboxAsync());
        Assert.Empty(await ChangedSinceAsync(before));

        Clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(1, await other.DrainOnceAsync());

        Assert.Empty(await other.OutboxAsync());
        Assert.Equal(["widget:1", "widgets"], Assert.Single(Store.Bumps));
        Assert.Equal(["widget:1", "widgets"], await ChangedSinceAsync(before));
    }

    [Fact]
    public async Task ADrainThatCannotReachTheStoreKeepsTheRowForTheNextPass()
    {
        Store.Unreachable = true;
        await using (var db = App.NewContext())
        {
            (await db.Widgets.SingleAsync(w => w.Id == 2)).Name = "dos";
            await Assert.ThrowsAsync<ResourceVersionsUnconfirmedException>(() => db.SaveChangesAsync());
        }

        Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await App.DrainOnceAsync());
        Assert.Single(await App.OutboxAsync());

        var before = await SnapshotAsync();
        Store.Unreachable = false;
        Assert.Equal(1, await App.DrainOnceAsync());
        Assert.Empty(await App.OutboxAsync());
        Assert.Equal(["widget:2", "widgets"], await ChangedSinceAsync(before));
    }

    [Fact]
    public async Task AClientThatHangsUpRightAfterTheCommitDoesNotCancelTheBump()
    {
        var before = await SnapshotAsync();
        using var request = new CancellationTokenSource();

        // The request is aborted between the commit and the bump.
        Store.BeforeBump = request.Cancel;
        await using (var db = App.NewContext())
        {
            (await db.Widgets.SingleAsync(w => w.Id == 1)).Name = "uno";
            await db.SaveChangesAsync(request.Token);
        }

        Assert.True(request.IsCancellationRequested);
        Assert.Equal(["widget:1", "widgets"], Assert.Single(Store.Bumps));
        Assert.Equal(["widget:1", "widgets"], await ChangedSinceAsync(before));
    }

    [Fact]
    public async Task BumpingEveryResourceCoversEveryTablesListsAndFamiliesThroughTheOutbox()
    {
        var before = await SnapshotAsync();
        await using (var db = App.NewContext())
        {
            // As after a data migration, which no interceptor sees.
            await db.BumpEveryResourceAsync(App.Services);
        }

        Assert.Equal(["gadgets", "widget:*", "widgets"], Assert.Single(Store.Bumps));
        Assert.Equal(["gadgets", "widget:*", "widgets"], await ChangedSinceAsync(before));

        // Confirmed like any write: the drainer deletes its row and bumps nothing again.
        Assert.Single(await App.OutboxAsync());
        Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await App.DrainOnceAsync());
        Assert.Empty(await App.OutboxAsync());
        Assert.Single(Store.Bumps);
    }
}

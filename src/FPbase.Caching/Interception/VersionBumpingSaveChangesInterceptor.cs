using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FPbase.Caching.Interception;

/// <summary>
/// Collects what a SaveChanges touches before it runs, writes an outbox row with the changes, and
/// bumps only once the data is committed: at SavedChanges when no transaction is open (EF committed
/// its own), otherwise when the explicit or ambient transaction commits. A bump before the commit
/// would let a concurrent reader cache old data under the new version. SaveChanges returns only
/// after the bump is confirmed, and throws <see cref="ResourceVersionsUnconfirmedException"/> when
/// it cannot be (the data is committed then; its outbox row bumps later).
/// </summary>
internal sealed class VersionBumpingSaveChangesInterceptor(IResourceDependencyMap map, ResourceBumper bumper, Microsoft.Extensions.Options.IOptions<HttpCachingOptions> options)
    : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        StageAsync(eventData.Context, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await StageAsync(eventData.Context, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        var ownRows = StagedOutboxRows(eventData.Context);
        CompleteAsync(eventData.Context).GetAwaiter().GetResult();
        return result - ownRows;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        var ownRows = StagedOutboxRows(eventData.Context);
        await CompleteAsync(eventData.Context).ConfigureAwait(false);
        return result - ownRows;
    }

    /// <summary>
    /// EF counts the outbox row we added among the entries written; the caller asked to save only
    /// its own, so SaveChanges must return their count (code may check "exactly one row").
    /// </summary>
    private static int StagedOutboxRows(DbContext? context)
        => context is not null && PendingBumps.For(context).StagedOutbox is not null ? 1 : 0;

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Unstage(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Unstage(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Unstage(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Unstage(eventData.Context);
        return Task.CompletedTask;
    }

    private async ValueTask StageAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is null)
        {
            return;
        }

        if (context.ChangeTracker.AutoDetectChangesEnabled)
        {
            context.ChangeTracker.DetectChanges();
        }

        var changed = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not OutboxEntry)
            .ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var write = new CommittedWrite();
        if (map.Collect(changed, write.Resources) is { } links)
        {
            // Looked up now for the outbox row, and again after the commit (see IResourceLinks).
            await links.ResolveAsync(context, write.Resources, cancellationToken).ConfigureAwait(false);
            write.Links.Add(links);
            foreach (var entityType in changed.Select(e => e.Metadata).Distinct())
            {
                map.CollectForTable(entityType, write.Fallback);
            }
        }

        if (write.IsEmpty)
        {
            return;
        }

        var outbox = new OutboxEntry
        {
            Resources = OutboxEntry.Join(write.Resources),
            CreatedAtMs = options.Value.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        context.Add(outbox);
        var pending = PendingBumps.For(context);
        pending.Staged = write;
        pending.StagedOutbox = outbox;
    }

    private async Task CompleteAsync(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var pending = PendingBumps.For(context);
        var (write, outbox) = (pending.Staged, pending.StagedOutbox);
        Unstage(context);
        if (write is null || outbox is null)
        {
            return;
        }

        write.OutboxIds.Add(outbox.Id);
        if (context.Database.CurrentTransaction is not null)
        {
            pending.Deferred.Add(write);
        }
        else if (AmbientTransactionBumps.Current is { } ambient)
        {
            AmbientTransactionBumps.Defer(ambient, write, bumper);
        }
        else
        {
            // EF's own transaction has committed.
            await bumper.BumpCommittedAsync(write).ConfigureAwait(false);
        }
    }

    private static void Unstage(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var pending = PendingBumps.For(context);
        if (pending.StagedOutbox is { } outbox)
        {
            // The row is written (or failed); keep it out of the caller's change tracker either way.
            context.Entry(outbox).State = EntityState.Detached;
        }

        pending.Staged = null;
        pending.StagedOutbox = null;
    }
}

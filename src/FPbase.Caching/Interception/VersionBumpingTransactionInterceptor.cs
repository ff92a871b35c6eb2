using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FPbase.Caching.Interception;

/// <summary>
/// Bumps what an explicit transaction's SaveChanges and set-based writes touched once it commits,
/// and forgets them when it rolls back. A commit that fails may still have committed, so it bumps:
/// a needless bump costs one download, a missing one would serve stale data.
/// </summary>
internal sealed class VersionBumpingTransactionInterceptor(ResourceBumper bumper) : DbTransactionInterceptor
{
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
        => BumpDeferredAsync(eventData.Context).GetAwaiter().GetResult();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        => BumpDeferredAsync(eventData.Context);

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData)
        => BumpDeferredAsync(eventData.Context).GetAwaiter().GetResult();

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
        => BumpDeferredAsync(eventData.Context);

    private Task BumpDeferredAsync(DbContext? context)
        => context is null ? Task.CompletedTask : bumper.BumpCommittedAsync(PendingBumps.For(context).TakeDeferred());

    private static void Forget(DbContext? context)
    {
        if (context is not null)
        {
            PendingBumps.For(context).TakeDeferred();
        }
    }
}

using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Caching.Interception;

/// <summary>
/// What one DbContext has written but not yet bumped: the current SaveChanges' resources (staged)
/// and those waiting for an explicit transaction to commit (deferred), each with the links to look
/// up again once the data is committed.
/// </summary>
internal sealed class PendingBumps
{
    private static readonly ConditionalWeakTable<DbContext, PendingBumps> ByContext = new();

    public CommittedWrite? Staged { get; set; }

    /// <summary>The outbox row added to the current SaveChanges; its id is known once it is written.</summary>
    public OutboxEntry? StagedOutbox { get; set; }

    public CommittedWrite Deferred { get; private set; } = new();

    public static PendingBumps For(DbContext context) => ByContext.GetOrCreateValue(context);

    public CommittedWrite TakeDeferred()
    {
        var taken = Deferred;
        Deferred = new CommittedWrite();
        return taken;
    }
}

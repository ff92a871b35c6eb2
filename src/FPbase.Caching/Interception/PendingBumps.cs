using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Caching.Interception;

/// <summary>
/// What one DbContext has written but not yet bumped: the current SaveChanges' resources (staged)
/// and those waiting for an explicit transaction to commit (deferred).
/// </summary>
internal sealed class PendingBumps
{
    private static readonly ConditionalWeakTable<DbContext, PendingBumps> ByContext = new();

    public HashSet<string>? StagedResources { get; set; }

    public OutboxEntry? StagedOutbox { get; set; }

    public HashSet<string> DeferredResources { get; } = new(StringComparer.Ordinal);

    public List<long> DeferredOutboxIds { get; } = [];

    public static PendingBumps For(DbContext context) => ByContext.GetOrCreateValue(context);

    public void Defer(IEnumerable<string> resources, long? outboxId)
    {
        DeferredResources.UnionWith(resources);
        if (outboxId is { } id)
        {
            DeferredOutboxIds.Add(id);
        }
    }

    public (string[] Resources, long[] OutboxIds) TakeDeferred()
    {
        var taken = (DeferredResources.ToArray(), DeferredOutboxIds.ToArray());
        DeferredResources.Clear();
        DeferredOutboxIds.Clear();
        return taken;
    }
}

using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FPbase.Data.Resilience;

/// <summary>
/// Counts, per context, the commands that may change data: everything but LINQ and FromSql queries (SaveChanges,
/// ExecuteUpdate/ExecuteDelete, raw SQL, migrations). Counted when the command is created, before it is sent, so a
/// command whose outcome is unknown (the connection dropped while it ran) is counted.
/// <see cref="ReadRetryingExecutionStrategy"/> retries an operation only while this count has not moved.
/// </summary>
internal sealed class WriteCommandLedger : DbCommandInterceptor
{
    public static readonly WriteCommandLedger Instance = new();

    private static readonly ConditionalWeakTable<DbContext, StrongBox<long>> Counts = new();

    private WriteCommandLedger()
    {
    }

    /// <summary>How many commands that may change data <paramref name="context"/> has created so far.</summary>
    public static long WritesCreatedBy(DbContext context)
        => Counts.TryGetValue(context, out var count) ? Volatile.Read(ref count.Value) : 0;

    public override DbCommand CommandCreated(CommandEndEventData eventData, DbCommand result)
    {
        if (eventData.Context is { } context && eventData.CommandSource is not (CommandSource.LinqQuery or CommandSource.FromSqlQuery))
        {
            Interlocked.Increment(ref Counts.GetOrCreateValue(context).Value);
        }

        return result;
    }
}

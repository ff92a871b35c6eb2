using System.Runtime.CompilerServices;
using System.Transactions;

namespace FPbase.Caching.Interception;

/// <summary>
/// Writes inside an ambient <see cref="TransactionScope"/>, which EF Core raises no transaction
/// events for: collected per transaction and bumped once, when it completes, and only if it
/// committed (an in-doubt outcome bumps too: that is safe). The bump runs synchronously inside the
/// scope's Dispose, so the writer's code after the scope sees it done, and an unconfirmed bump
/// throws from Dispose like any other failure of the commit.
/// </summary>
internal static class AmbientTransactionBumps
{
    private static readonly ConditionalWeakTable<Transaction, CommittedWrite> Pending = new();
    private static readonly Lock Gate = new();

    /// <summary>The ambient transaction a command or SaveChanges without an EF transaction runs in, if any.</summary>
    public static Transaction? Current => Transaction.Current;

    public static void Defer(Transaction ambient, CommittedWrite write, ResourceBumper bumper)
    {
        lock (Gate)
        {
            if (Pending.TryGetValue(ambient, out var collected))
            {
                collected.Add(write);
                return;
            }

            collected = new CommittedWrite();
            collected.Add(write);
            Pending.Add(ambient, collected);
        }

        ambient.TransactionCompleted += (_, e) =>
        {
            CommittedWrite? taken;
            lock (Gate)
            {
                Pending.TryGetValue(ambient, out taken);
                Pending.Remove(ambient);
            }

            if (taken is not null && e.Transaction?.TransactionInformation.Status is not TransactionStatus.Aborted)
            {
                bumper.BumpCommittedAsync(taken).GetAwaiter().GetResult();
            }
        };
    }
}

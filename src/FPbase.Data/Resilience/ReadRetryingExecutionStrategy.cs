using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace FPbase.Data.Resilience;

/// <summary>
/// Retries a PostgreSQL operation that failed because its connection was lost or refused, but only an operation
/// that cannot have changed anything: it created no command that may write (<see cref="WriteCommandLedger"/>) and
/// runs outside a transaction. A write is never repeated: its first attempt may have committed.
/// <para>
/// Why: a restart of PostgreSQL ends every pooled connection on the server's side, and the pool learns of it only
/// when each is next used (npgsql/npgsql#5073). Without this, the first query on each such connection is answered
/// 503 although PostgreSQL is back. A failed connection also clears the pool, so the retry, and every later
/// operation, gets a new one.
/// </para>
/// <para>
/// The price is latency while PostgreSQL is down: a read that needs it is refused after
/// <see cref="MaxRetries"/> more attempts (the first at once, the next after about a second) instead of at once.
/// A timeout is not retried (it would only double the wait on a database that is slow, not gone).
/// </para>
/// <para>
/// A block run through <c>Database.CreateExecutionStrategy().ExecuteAsync</c> is run again from its start when it
/// failed before its first write: it must not change tracked entities before its first command (an entity added
/// twice would be inserted twice). <see cref="Revisions.ProteinEditSession"/> writes first.
/// </para>
/// <para>
/// <see cref="RetriesOnFailure"/> is false on purpose: EF reads it to buffer whole result sets (so a retry could
/// replay a stream) and to refuse user transactions. Neither applies: only opening a reader is retried, before any
/// row is consumed, and nothing inside a transaction is.
/// </para>
/// </summary>
internal sealed class ReadRetryingExecutionStrategy(ExecutionStrategyDependencies dependencies)
    : ExecutionStrategy(dependencies, MaxRetries, LongestDelay)
{
    public const int MaxRetries = 2;

    private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(1);

    private long _writesAtStart;

    public override bool RetriesOnFailure => false;

    protected override void OnFirstExecution()
    {
        _writesAtStart = WriteCommandLedger.WritesCreatedBy(Dependencies.CurrentContext.Context);
        ExceptionsEncountered.Clear();
    }

    protected override bool ShouldRetryOn(Exception exception)
    {
        if (!IsConnectionFailure(exception))
        {
            return false;
        }

        var context = Dependencies.CurrentContext.Context;
        if (context.Database.GetDbConnection() is NpgsqlConnection connection)
        {
            NpgsqlConnection.ClearPool(connection);
        }

        return context.Database.CurrentTransaction is null && WriteCommandLedger.WritesCreatedBy(context) == _writesAtStart;
    }

    /// <summary>
    /// The server ended the session (restart, crash, pg_terminate_backend) or is starting, the socket broke, or
    /// nothing listens: failures of the connection, not of the command.
    /// </summary>
    private static bool IsConnectionFailure(Exception exception) => exception switch
    {
        PostgresException pg => pg.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow,
        NpgsqlException npgsql => npgsql.IsTransient && !HasTimeout(npgsql),
        _ => false,
    };

    private static bool HasTimeout(Exception exception)
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            if (e is TimeoutException)
            {
                return true;
            }
        }

        return false;
    }
}

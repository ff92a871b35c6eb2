using System.Diagnostics;
using FPbase.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;

namespace FPbase.Data;

/// <summary>Creates or migrates the schema, then seeds an empty database.</summary>
public static class DatabaseInitializer
{
    /// <summary>
    /// The session-level advisory lock that serializes start-up work between instances of one deployment
    /// ("FPbase" in ASCII, then 1). Any other constant would do, as long as every instance uses the same one.
    /// </summary>
    internal const long StartupLockKey = 0x4650_6261_7365_0001;

    /// <summary>
    /// PostgreSQL: applies migrations. SQLite: EnsureCreated. Then, when <see cref="SeedOptions.Enabled"/> and the
    /// database has no proteins, imports the FPbase sample and/or generates data (see <see cref="SeedOptions"/>).
    /// Every write goes through SaveChanges.
    /// On PostgreSQL all of it runs under a session-level advisory lock, so instances started together take turns:
    /// the first migrates and seeds, the next finds the schema current and the proteins there, and does neither.
    /// The seed is one transaction, so no instance ever sees half of it. The embedded SQLite file belongs to one
    /// process and needs no lock.
    /// </summary>
    /// <returns>Whether migrations were applied: data they changed passed no interceptor, so the caller must bump everything.</returns>
    public static async Task<bool> InitializeAsync(
        FpbaseDbContext db,
        SeedOptions options,
        ILogger logger,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);

        if (!db.IsPostgres)
        {
            var sw = Stopwatch.StartNew();
            await EmbeddedSchema.EnsureCurrentAsync(db, logger, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Database ensured (SQLite) in {Elapsed} ms", sw.ElapsedMilliseconds);
            await SeedIfEmptyAsync(db, options, logger, cancellationToken).ConfigureAwait(false);
            return false;
        }

        // The lock belongs to the connection: keep the context's connection open from lock to unlock.
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var waited = Stopwatch.StartNew();
            await AdvisoryLockAsync(db, "SELECT pg_advisory_lock(@key)", cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Start-up lock taken after {Elapsed} ms", waited.ElapsedMilliseconds);
            try
            {
                var sw = Stopwatch.StartNew();

                // EF Core reads the history before it creates it, and logs the failed read of a new database as an error.
                await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).Count();
                await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
                logger.LogInformation("Database migrated (PostgreSQL, {Pending} migrations applied) in {Elapsed} ms", pending, sw.ElapsedMilliseconds);
                await SeedIfEmptyAsync(db, options, logger, cancellationToken).ConfigureAwait(false);
                return pending > 0;
            }
            finally
            {
                await UnlockAsync(db, logger).ConfigureAwait(false);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    private static async Task UnlockAsync(FpbaseDbContext db, ILogger logger)
    {
        try
        {
            await AdvisoryLockAsync(db, "SELECT pg_advisory_unlock(@key)", CancellationToken.None).ConfigureAwait(false);
        }
        catch (System.Data.Common.DbException ex)
        {
            // The session is gone or going: its end releases the lock, and so does the pool's DISCARD ALL on reuse.
            logger.LogWarning(ex, "Could not release the start-up lock; the session's end releases it");
        }
    }

    private static async Task SeedIfEmptyAsync(FpbaseDbContext db, SeedOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        if (!options.Enabled)
        {
            return;
        }

        if (await db.Proteins.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            logger.LogInformation("Database already has proteins; not seeding");
            return;
        }

        try
        {
            await DatabaseSeeder.SeedAsync(db, options, logger, cancellationToken).ConfigureAwait(false);
        }
        catch (FPbase.Caching.ResourceVersionsUnconfirmedException ex)
        {
            // The data is committed; only its bumps wait (in the outbox). Nobody is waiting for an
            // acknowledgement of the seed, and the site must start while Redis is down.
            logger.LogWarning(ex, "Seeded, but the new versions could not be confirmed yet; the outbox will bump them");
        }
    }

    /// <summary>
    /// Runs an advisory-lock function on the context's open connection, past EF Core (its command interceptors would
    /// take any SQL they cannot attribute to a table for a write). Waits as long as the other instance's start takes;
    /// cancellation (the host stopping) ends the wait.
    /// </summary>
    private static async Task AdvisoryLockAsync(FpbaseDbContext db, string sql, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        var key = command.CreateParameter();
        key.ParameterName = "key";
        key.Value = StartupLockKey;
        command.Parameters.Add(key);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

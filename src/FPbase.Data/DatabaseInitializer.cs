using System.Diagnostics;
using FPbase.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FPbase.Data;

/// <summary>Creates or migrates the schema, then seeds an empty database.</summary>
public static class DatabaseInitializer
{
    /// <summary>
    /// PostgreSQL: applies migrations. SQLite: EnsureCreated. Then, when <see cref="SeedOptions.Enabled"/> and the
    /// database has no proteins, imports the FPbase sample and/or generates data (see <see cref="SeedOptions"/>).
    /// Every write goes through SaveChanges.
    /// </summary>
    public static async Task InitializeAsync(
        FpbaseDbContext db,
        SeedOptions options,
        ILogger logger,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);

        var sw = Stopwatch.StartNew();
        if (db.IsPostgres)
        {
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Database migrated (PostgreSQL) in {Elapsed} ms", sw.ElapsedMilliseconds);
        }
        else
        {
            await EmbeddedSchema.EnsureCurrentAsync(db, logger, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Database ensured (SQLite) in {Elapsed} ms", sw.ElapsedMilliseconds);
        }

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
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FPbase.Data;

/// <summary>
/// The embedded SQLite database is created with EnsureCreated, which never changes an existing file.
/// To keep a developer's `dotnet run` working after a schema change, the file records the latest
/// migration it was created for; when that differs, the old file is moved aside (kept, never deleted)
/// and a new one is created and seeded.
/// </summary>
internal static class EmbeddedSchema
{
    private const string MarkerTable = "embedded_schema";

    public static async Task EnsureCurrentAsync(FpbaseDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        var current = db.Database.GetMigrations().LastOrDefault() ?? "none";
        var path = (db.Database.GetDbConnection() as SqliteConnection)?.DataSource;
        if (!string.IsNullOrEmpty(path) && File.Exists(path))
        {
            var recorded = await RecordedAsync(db, cancellationToken).ConfigureAwait(false);
            if (recorded != current)
            {
                await db.Database.CloseConnectionAsync().ConfigureAwait(false);
                SqliteConnection.ClearAllPools();
                var kept = $"{path}.{recorded ?? "unversioned"}.old";
                File.Move(path, kept, overwrite: true);
                logger.LogWarning("The embedded database was made for schema {Recorded}, not {Current}: kept it as {Kept} and creating a new one", recorded ?? "(unknown)", current, kept);
            }
        }

        await db.Database.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.ExecuteSqlRawAsync($"CREATE TABLE IF NOT EXISTS {MarkerTable} (migration TEXT NOT NULL)", cancellationToken).ConfigureAwait(false);
        await db.Database.ExecuteSqlRawAsync($"DELETE FROM {MarkerTable}", cancellationToken).ConfigureAwait(false);
        await db.Database.ExecuteSqlAsync($"INSERT INTO embedded_schema (migration) VALUES ({current})", cancellationToken).ConfigureAwait(false);
    }

    private static async Task<string?> RecordedAsync(FpbaseDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            return await db.Database.SqlQueryRaw<string>($"SELECT migration AS \"Value\" FROM {MarkerTable}")
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException)
        {
            return null;
        }
    }
}

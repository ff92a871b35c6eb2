using FPbase.Data.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace FPbase.Data.Tests;

/// <summary>The embedded SQLite file follows schema changes without losing the developer's old file.</summary>
public sealed class EmbeddedSchemaTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fpbase-embedded-").FullName;

    private string DbPath => Path.Combine(_directory, "fpbase.db");

    [Fact]
    public async Task AFileMadeForAnOlderSchemaIsKeptAsideAndANewOneIsCreatedAndSeeded()
    {
        await using (var old = new SqliteConnection($"Data Source={DbPath}"))
        {
            await old.OpenAsync();
            await using var command = old.CreateCommand();
            command.CommandText = "CREATE TABLE embedded_schema (migration TEXT NOT NULL); INSERT INTO embedded_schema VALUES ('20200101000000_Ancient'); CREATE TABLE proteins (id INTEGER);";
            await command.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        await InitializeAsync();

        Assert.True(File.Exists(DbPath + ".20200101000000_Ancient.old"));
        await using var db = Context();
        Assert.True(await db.Proteins.AnyAsync());
        Assert.Equal(db.Database.GetMigrations().Last(), await db.Database.SqlQueryRaw<string>("SELECT migration AS \"Value\" FROM embedded_schema").SingleAsync());
    }

    [Fact]
    public async Task ACurrentFileIsKeptAsItIs()
    {
        await InitializeAsync();
        await using (var db = Context())
        {
            var protein = await db.Proteins.OrderBy(p => p.Id).FirstAsync();
            protein.Blurb = "kept across restarts";
            await db.SaveChangesAsync();
        }

        SqliteConnection.ClearAllPools();
        await InitializeAsync();

        Assert.Empty(Directory.GetFiles(_directory, "*.old"));
        await using var again = Context();
        Assert.True(await again.Proteins.AnyAsync(p => p.Blurb == "kept across restarts"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private FpbaseDbContext Context()
        => new(new DbContextOptionsBuilder<FpbaseDbContext>().UseSqlite($"Data Source={DbPath}").Options);

    private async Task InitializeAsync()
    {
        await using var db = Context();
        await DatabaseInitializer.InitializeAsync(db, new SeedOptions { Generate = false }, NullLogger.Instance);
    }
}

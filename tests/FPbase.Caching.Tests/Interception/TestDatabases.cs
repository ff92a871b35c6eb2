using FPbase.Caching.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Caching.Tests.Interception;

/// <summary>Where a test's <see cref="TestDbContext"/> lives: its own database, gone after the test.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract void Configure(DbContextOptionsBuilder builder);

    public abstract ValueTask DisposeAsync();
}

/// <summary>A named in-memory SQLite database; each context gets its own connection to it.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly SqliteConnection _keepAlive;
    private readonly string _connectionString;

    public SqliteTestDatabase()
    {
        _connectionString = $"Data Source=caching-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        _keepAlive = new SqliteConnection(_connectionString);
        _keepAlive.Open();
    }

    public override void Configure(DbContextOptionsBuilder builder) => builder.UseSqlite(_connectionString);

    public override ValueTask DisposeAsync() => _keepAlive.DisposeAsync();
}

/// <summary>A throwaway PostgreSQL database.</summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    private readonly PostgresDatabase _database;

    private PostgresTestDatabase(PostgresDatabase database) => _database = database;

    public string ConnectionString => _database.ConnectionString;

    public static async Task<PostgresTestDatabase> CreateAsync() => new(await PostgresDatabase.CreateAsync());

    public override void Configure(DbContextOptionsBuilder builder) => builder.UseNpgsql(_database.ConnectionString);

    public override ValueTask DisposeAsync() => _database.DisposeAsync();
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FPbase.Data.Tests;

/// <summary>An in-memory SQLite database that lives as long as this object (the connection stays open).</summary>
public sealed class SqliteTestDatabase : IDisposable
{
    private readonly SqliteConnection _connection = new("DataSource=:memory:");

    public SqliteTestDatabase()
    {
        _connection.Open();
        using var db = CreateContext();
        db.Database.EnsureCreated();
    }

    public FpbaseDbContext CreateContext(TimeProvider? timeProvider = null)
        => new(new DbContextOptionsBuilder<FpbaseDbContext>().UseSqlite(_connection).Options, timeProvider);

    public void Dispose() => _connection.Dispose();
}

/// <summary>
/// A throwaway PostgreSQL database (fpbase_test_&lt;random&gt;) created from FPBASE_TEST_POSTGRES, migrated, and
/// dropped on dispose. Without the variable every test using it fails with an explanation.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncLifetime
{
    public const string Variable = "FPBASE_TEST_POSTGRES";

    private string? _adminConnectionString;
    private string? _databaseName;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var baseConnectionString = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(baseConnectionString))
        {
            throw new InvalidOperationException(
                $"{Variable} is not set. The PostgreSQL tests need a server: run them through scripts/test, which starts "
                + "PostgreSQL and sets it (or set it yourself to a connection string of a role with CREATEDB).");
        }

        var admin = new NpgsqlConnectionStringBuilder(baseConnectionString);
        if (string.IsNullOrEmpty(admin.Database))
        {
            admin.Database = "postgres";
        }

        admin.Pooling = false;
        _adminConnectionString = admin.ConnectionString;
        _databaseName = $"fpbase_test_{Guid.NewGuid():N}"[..24];

        await using (var connection = new NpgsqlConnection(_adminConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_databaseName}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(baseConnectionString) { Database = _databaseName }.ConnectionString;
        await using var db = CreateContext();
        await db.Database.MigrateAsync();
    }

    public FpbaseDbContext CreateContext()
        => new(new DbContextOptionsBuilder<FpbaseDbContext>().UseNpgsql(ConnectionString).Options);

    public async Task DisposeAsync()
    {
        if (_adminConnectionString is null || _databaseName is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

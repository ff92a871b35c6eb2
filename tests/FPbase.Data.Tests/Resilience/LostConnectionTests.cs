using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FPbase.Data.Tests.Resilience;

/// <summary>
/// PostgreSQL ends every session (a restart, pg_terminate_backend) while the pool still holds them. Reads are
/// retried on a new connection; writes and anything inside a transaction are not, since they may have committed.
/// Contexts come from <see cref="DataServiceCollectionExtensions.AddFpbaseDatabase"/>, as the site makes them.
/// </summary>
public sealed class LostConnectionTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>, IAsyncLifetime
{
    private ServiceProvider _provider = null!;

    public Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = database.ConnectionString })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddHttpCaching();
        services.AddFpbaseDatabase(configuration, Path.GetTempPath());
        _provider = services.BuildServiceProvider();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _provider.DisposeAsync();

    [Fact]
    public async Task AReadOnAConnectionTheServerEndedIsRetriedOnANewOne()
    {
        await WarmThePoolAsync();
        await EndEverySessionAsync();

        await using var db = NewContext();
        Assert.True(await db.Organisms.CountAsync() >= 0);
    }

    [Fact]
    public async Task AWriteOnAConnectionTheServerEndedFailsAndIsNotRepeated()
    {
        await WarmThePoolAsync();
        await EndEverySessionAsync();

        // A write that reaches the dead connection first (SaveChanges reads what the map needs before it writes,
        // and that read would be retried): refused, not retried, since a write's outcome is unknown once sent.
        const string write = "UPDATE organisms SET genus = genus WHERE id = -1";
        await using (var db = NewContext())
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(write));
            Assert.Contains(Chain(error), e => e is PostgresException { SqlState: PostgresErrorCodes.AdminShutdown });
        }

        // The failure cleared the pool: the writer's own retry reaches PostgreSQL.
        await using (var db = NewContext())
        {
            Assert.Equal(0, await db.Database.ExecuteSqlRawAsync(write));
        }
    }

    [Fact]
    public async Task AReadInsideATransactionIsNotRetried()
    {
        await using var db = NewContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Organisms.CountAsync();
        await EndEverySessionAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => db.Organisms.CountAsync());
    }

    private FpbaseDbContext NewContext() => _provider.GetRequiredService<IDbContextFactory<FpbaseDbContext>>().CreateDbContext();

    /// <summary>A few connections opened and given back, as a running site holds them.</summary>
    private async Task WarmThePoolAsync()
    {
        var contexts = Enumerable.Range(0, 3).Select(_ => NewContext()).ToList();
        foreach (var db in contexts)
        {
            await db.Database.OpenConnectionAsync();
        }

        foreach (var db in contexts)
        {
            await db.DisposeAsync();
        }
    }

    private async Task EndEverySessionAsync()
    {
        var target = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database;
        var admin = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgresTestDatabase.Variable)) { Pooling = false };
        if (string.IsNullOrEmpty(admin.Database))
        {
            admin.Database = "postgres";
        }

        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        // The test role's own sessions only: an autovacuum worker on the new database is a superuser's, and ending it
        // is refused (42501), which failed a CI run.
        await using var terminate = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @db AND pid <> pg_backend_pid() AND usename = current_user AND backend_type = 'client backend'", connection);
        terminate.Parameters.AddWithValue("db", target!);
        Assert.True((long)(await terminate.ExecuteScalarAsync())! > 0);
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}

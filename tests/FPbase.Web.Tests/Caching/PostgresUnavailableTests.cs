using System.Net;
using FPbase.Web.Tests.Infrastructure;
using Npgsql;

namespace FPbase.Web.Tests.Caching;

/// <summary>
/// The database stops answering while the site runs: what cannot be built is a 503 problem with
/// Retry-After, never a 500 and never cached; validators already issued stay valid (nothing can
/// change while nothing can be written).
/// </summary>
public sealed class PostgresUnavailableTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private FpbaseApplication _app = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _app = new FpbaseApplication(_database.ConnectionString, TestEnvironment.Redis, FpbaseApplication.NewKeyPrefix());
        _ = _app.Server;
    }

    public async Task DisposeAsync()
    {
        await SetConnectionsAllowedAsync(true);
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task PagesThatNeedTheDatabaseAre503AndIssuedValidatorsStillHold()
    {
        var client = _app.CreateClient();
        var list = await client.GetAsync("/api/spectra-list/");
        var etag = list.Headers.ETag!;

        await SetConnectionsAllowedAsync(false);

        var table = await client.GetAsync("/table/");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, table.StatusCode);
        Assert.Equal("application/problem+json", table.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(table.Headers.RetryAfter);
        Assert.Null(table.Headers.ETag);

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "/api/spectra-list/");
        revalidate.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(revalidate)).StatusCode);

        var health = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);

        // Once the database is back, the page is built and served normally.
        await SetConnectionsAllowedAsync(true);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/table/")).StatusCode);
    }

    [Fact]
    public async Task AfterARestartTheFirstPageBuiltOnAnOldConnectionIsServedNotRefused()
    {
        // Open connections go back to the pool; a restart ends them all server-side, and the pool does not know.
        var client = _app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/table/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/protein/mcherry/")).StatusCode);

        // What a restart does to each of them: 57P01 "terminating connection due to administrator command".
        await TerminateConnectionsAsync();

        // PostgreSQL answers again, so a page that must be built is built: the dead connection is replaced, not
        // reported as the database being down.
        var page = await client.GetAsync("/protein/egfp/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotNull(page.Headers.ETag);
    }

    private async Task TerminateConnectionsAsync()
    {
        await using var admin = new NpgsqlConnection(TestEnvironment.Postgres);
        await admin.OpenAsync();
        // The test role's own sessions only: an autovacuum worker is a superuser's, and ending it is refused (42501).
        await using var terminate = new NpgsqlCommand($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{_database.Name}' AND pid <> pg_backend_pid() AND usename = current_user AND backend_type = 'client backend'", admin);
        await terminate.ExecuteNonQueryAsync();
    }

    private async Task SetConnectionsAllowedAsync(bool allowed)
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(TestEnvironment.Postgres);
        await admin.OpenAsync();
        await using (var alter = new NpgsqlCommand($"ALTER DATABASE {_database.Name} ALLOW_CONNECTIONS {(allowed ? "true" : "false")}", admin))
        {
            await alter.ExecuteNonQueryAsync();
        }

        if (!allowed)
        {
            await TerminateConnectionsAsync();
        }
    }
}

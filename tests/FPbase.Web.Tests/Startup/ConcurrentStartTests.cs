using FPbase.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Startup;

/// <summary>
/// Two instances of one deployment started at the same moment on an empty PostgreSQL database: both come up, the
/// schema is migrated once and the seed data is written once (the same rows as one instance alone writes).
/// </summary>
public sealed class ConcurrentStartTests
{
    [Fact]
    public async Task TwoInstancesStartedTogetherOnAnEmptyDatabaseBothComeUpWithOneSeededDataSet()
    {
        await using var alone = await TestDatabase.CreateAsync();
        var expected = await StartAndCountAsync(alone, instances: 1);

        await using var shared = await TestDatabase.CreateAsync();
        var counted = await StartAndCountAsync(shared, instances: 2);

        Assert.True(expected.Proteins > 0 && expected.Spectra > 0 && expected.Roles > 0, $"one instance seeded nothing: {expected}");
        Assert.Equal(expected, counted);
    }

    private static async Task<Counts> StartAndCountAsync(TestDatabase database, int instances)
    {
        var prefix = FpbaseApplication.NewKeyPrefix();
        var apps = Enumerable.Range(0, instances).Select(_ => new FpbaseApplication(database.ConnectionString, TestEnvironment.Redis, prefix)).ToList();
        try
        {
            // Each start migrates and seeds; all of them at once, on thread-pool threads.
            using var ready = new Barrier(instances);
            await Task.WhenAll(apps.Select(app => Task.Run(() =>
            {
                ready.SignalAndWait(TimeSpan.FromSeconds(10));
                _ = app.Server;
            })));

            foreach (var app in apps)
            {
                using var response = await app.CreateClient().GetAsync("/livez");
                Assert.True(response.IsSuccessStatusCode, $"an instance is not up: {(int)response.StatusCode}");
            }

            return await apps[^1].WithDbAsync(async db => new Counts(
                await db.Proteins.IgnoreQueryFilters().CountAsync(),
                await db.Spectra.IgnoreQueryFilters().CountAsync(),
                await db.Microscopes.CountAsync(),
                await db.Roles.CountAsync(),
                await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM \"__EFMigrationsHistory\"").SingleAsync()));
        }
        finally
        {
            foreach (var app in apps)
            {
                await app.DisposeAsync();
            }
        }
    }

    private sealed record Counts(int Proteins, int Spectra, int Microscopes, int Roles, int Migrations);
}

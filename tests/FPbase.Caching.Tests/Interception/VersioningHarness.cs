using FPbase.Caching.Interception;
using FPbase.Caching.Versions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace FPbase.Caching.Tests.Interception;

/// <summary>
/// One "instance" of an application: the library's services wired as an application would
/// (AddHttpCaching + AddResourceVersioning, the context calling AddResourceVersioning(sp) and
/// AddResourceVersionOutbox()), over a given database and version store. Hosted services are not
/// started: the tests call <see cref="DrainOnceAsync"/> themselves.
/// </summary>
internal sealed class VersioningHarness : IAsyncDisposable
{
    private VersioningHarness(ServiceProvider services) => Services = services;

    public ServiceProvider Services { get; }

    public IResourceVersionStore Store => Services.GetRequiredService<IResourceVersionStore>();

    /// <summary>With a given store instance (for example a <see cref="Support.RecordingVersionStore"/>).</summary>
    public static VersioningHarness Create(TestDatabase database, IResourceVersionStore store, Action<HttpCachingOptions>? configure = null)
        => Build(database, configure, services => services.Replace(ServiceDescriptor.Singleton(store)));

    /// <summary>With the Redis store over <paramref name="redis"/>, as AddHttpCachingRedis wires it.</summary>
    public static VersioningHarness CreateWithRedis(TestDatabase database, IConnectionMultiplexer redis, Action<HttpCachingOptions>? configure = null)
        => Build(database, configure, services => services.AddHttpCachingRedis(redis));

    private static VersioningHarness Build(TestDatabase database, Action<HttpCachingOptions>? configure, Action<IServiceCollection> store)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddHttpCaching(options =>
        {
            options.KeyPrefix = "t" + Guid.NewGuid().ToString("N");
            configure?.Invoke(options);
        });
        store(services);
        services.AddResourceVersioning<TestDbContext, TestDependencyMap>();
        services.AddDbContextFactory<TestDbContext>((sp, options) =>
        {
            database.Configure(options);
            options.AddResourceVersioning(sp);
        });
        return new VersioningHarness(services.BuildServiceProvider(validateScopes: true));
    }

    public TestDbContext NewContext() => Services.GetRequiredService<IDbContextFactory<TestDbContext>>().CreateDbContext();

    public async Task EnsureCreatedAsync()
    {
        await using var db = NewContext();
        await db.Database.EnsureCreatedAsync();
    }

    public async Task<string> StampAsync(params string[] resources)
        => await Store.GetStampAsync(resources, CancellationToken.None) ?? throw new InvalidOperationException("The version store did not answer.");

    public Task<int> DrainOnceAsync()
        => Services.GetRequiredService<OutboxDrainer<TestDbContext>>().DrainOnceAsync(CancellationToken.None);

    public async Task<List<string[]>> OutboxAsync()
    {
        await using var db = NewContext();
        var rows = await db.Set<OutboxEntry>().AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        return rows.Select(r => OutboxEntry.Split(r.Resources)).ToList();
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}

using FPbase.Caching;
using FPbase.Caching.Http;
using FPbase.Caching.Interception;
using FPbase.Caching.Payloads;
using FPbase.Caching.Versions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the HTTP caching services.</summary>
public static class HttpCachingServiceCollectionExtensions
{
    /// <summary>
    /// Adds versioned HTTP caching with the embedded default: versions in process memory and
    /// payloads in a memory cache. Options bind from the <c>HttpCaching</c> section, are validated
    /// at start and reload without a restart. Call <see cref="AddHttpCachingRedis"/> to share both
    /// across instances, and <see cref="AddResourceVersioning{TContext, TDependencyMap}"/> to bump versions from EF Core.
    /// </summary>
    public static IServiceCollection AddHttpCaching(this IServiceCollection services, Action<HttpCachingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<HttpCachingOptions>().BindConfiguration(HttpCachingOptions.SectionName).ValidateOnStart();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton<CachedEndpoints>();
        services.TryAddSingleton<FPbase.Caching.Http.Shortcut.ShortcutRoutes>();
        services.AddMetrics();
        services.TryAddSingleton<FPbase.Caching.Diagnostics.CacheMetrics>();
        services.TryAddSingleton<FPbase.Caching.Edge.EdgePurger>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HttpCachingOptions>, HttpCachingOptionsValidator>());
        services.TryAddSingleton<IResourceVersionStore, InMemoryResourceVersionStore>();
        services.TryAddSingleton<IResourceVersions, ResourceVersions>();
        // Both stores report their instances; a store of another kind (a test's wrapper) reports none.
        services.TryAddSingleton<FPbase.Caching.Diagnostics.ICacheInstances>(sp => sp.GetRequiredService<IResourceVersionStore>() as FPbase.Caching.Diagnostics.ICacheInstances
            ?? new FPbase.Caching.Diagnostics.UnreportedCacheInstances());
        // HybridCache keeps its in-memory copies in the application's IMemoryCache, each entry sized by its bytes:
        // a size limit makes that memory a budget (entries without a size would be refused, so nothing else of
        // the application may use this IMemoryCache without sizing its entries). An entry that does not fit is
        // refused, and compaction only starts above (1 - CompactionPercentage) of the limit: with a quarter, and
        // no payload above a quarter of the budget (the validator), a new payload always finds room after it.
        // The builds' pool of free blocks takes its share of the budget first (PayloadBuffers.FreeBytesFor).
        services.TryAddSingleton(sp => new PayloadBuffers(
            PayloadBuffers.FreeBytesFor(sp.GetRequiredService<IOptions<HttpCachingOptions>>().Value.PayloadMemoryBytes)));
        services.AddMemoryCache();
        services.AddOptions<MemoryCacheOptions>().Configure<IOptions<HttpCachingOptions>>((memory, caching) =>
        {
            var budget = caching.Value.PayloadMemoryBytes;
            memory.SizeLimit = budget - PayloadBuffers.FreeBytesFor(budget);
            memory.CompactionPercentage = HttpCachingOptionsValidator.PayloadShareOfMemory;
            memory.TrackStatistics = true;
        });
        services.AddHybridCache().AddSerializer<PayloadEntry, PayloadEntrySerializer>();
        services.AddOptions<HybridCacheOptions>().Configure<IOptions<HttpCachingOptions>>(
            (hybrid, caching) => hybrid.MaximumPayloadBytes = caching.Value.MaximumPayloadBytes);
        return services;
    }

    /// <summary>
    /// Keeps versions and payload bytes in Redis, shared by every web instance. Replaces the
    /// in-process version store on purpose (a plain add would leave the default in place).
    /// Connect before calling, with <c>AbortOnConnectFail = false</c>, so that Redis being down at
    /// start does not stop the site.
    /// </summary>
    public static IServiceCollection AddHttpCachingRedis(this IServiceCollection services, IConnectionMultiplexer redis)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(redis);
        services.TryAddSingleton(redis);
        services.AddSingleton(sp => new RedisResourceVersionStore(
            redis,
            sp.GetRequiredService<IOptions<HttpCachingOptions>>(),
            sp.GetRequiredService<FPbase.Caching.Diagnostics.CacheMetrics>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<RedisResourceVersionStore>>()));
        services.Replace(ServiceDescriptor.Singleton<IResourceVersionStore>(sp => sp.GetRequiredService<RedisResourceVersionStore>()));
        services.AddHostedService(sp => sp.GetRequiredService<RedisResourceVersionStore>());
        services.AddStackExchangeRedisCache(_ => { });
        services.AddOptions<RedisCacheOptions>().Configure<IOptions<HttpCachingOptions>>((cache, caching) =>
        {
            cache.ConnectionMultiplexerFactory = () => Task.FromResult(redis);
            cache.InstanceName = caching.Value.KeyPrefix + ":";
        });
        return services;
    }

    /// <summary>
    /// Makes every write through <typeparamref name="TContext"/> bump the resources it touches,
    /// as <typeparamref name="TDependencyMap"/> says, after the commit; and drains the outbox of
    /// bumps that could not be made at once. The context must call
    /// <c>AddResourceVersioning(serviceProvider)</c> on its options and
    /// <c>AddResourceVersionOutbox()</c> on its model.
    /// </summary>
    public static IServiceCollection AddResourceVersioning<TContext, TDependencyMap>(this IServiceCollection services)
        where TContext : DbContext
        where TDependencyMap : class, IResourceDependencyMap
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IResourceDependencyMap, TDependencyMap>();
        services.TryAddSingleton(sp => new CommittedReads(sp.GetRequiredService<IServiceScopeFactory>(), scoped => scoped.GetRequiredService<TContext>()));
        services.TryAddSingleton<ResourceBumper>();
        services.TryAddSingleton<VersionBumpingSaveChangesInterceptor>();
        services.TryAddSingleton<VersionBumpingTransactionInterceptor>();
        services.TryAddSingleton<VersionBumpingCommandInterceptor>();
        services.TryAddSingleton<OutboxDrainer<TContext>>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDrainer<TContext>>());
        return services;
    }
}

using FPbase.Caching.Diagnostics;
using FPbase.Caching.Tests.Support;
using FPbase.Caching.Versions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace FPbase.Caching.Tests.Versions;

/// <summary>Builds the Redis store as AddHttpCachingRedis would, with test-sized intervals.</summary>
internal static class RedisStoreFactory
{
    private static readonly RecordingMetrics Unread = new();

    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N");

    /// <summary>The store, counting into <paramref name="metrics"/> when given (else into instruments nobody reads).</summary>
    public static RedisResourceVersionStore Create(IConnectionMultiplexer redis, string prefix, Action<HttpCachingOptions>? configure = null, Microsoft.Extensions.Logging.ILogger<RedisResourceVersionStore>? logger = null, CacheMetrics? metrics = null)
    {
        var options = new HttpCachingOptions
        {
            KeyPrefix = prefix,

            // Generous: these tests are about what the stamps are, not about a loaded machine's latency.
            StoreTimeout = TimeSpan.FromSeconds(5),
            LeaseDuration = TimeSpan.FromMilliseconds(800),
            BreakDuration = TimeSpan.FromMilliseconds(500),
            BumpTimeout = TimeSpan.FromSeconds(5),
        };
        configure?.Invoke(options);
        return new RedisResourceVersionStore(redis, Options.Create(options), metrics ?? Unread.Metrics, logger ?? NullLogger<RedisResourceVersionStore>.Instance);
    }

    /// <summary>The hash all versions live in (see RedisResourceVersionStore).</summary>
    public static RedisKey HashKey(string prefix) => $"{{{prefix}}}:versions";

    public static async Task<string> StampAsync(this IResourceVersionStore store, params string[] resources)
        => await store.GetStampAsync(resources, CancellationToken.None)
            ?? throw new InvalidOperationException("The version store did not answer.");

    public static Task BumpAsync(this IResourceVersionStore store, params string[] resources)
        => store.BumpAsync(resources, CancellationToken.None);

    /// <summary>A stamp is "run_id:epoch.token[.token...]": the last resource's token.</summary>
    public static string LastToken(string stamp) => stamp[(stamp.LastIndexOf('.') + 1)..];

    /// <summary>The "run_id:epoch" part of a Redis stamp.</summary>
    public static string Epoch(string stamp) => stamp[..stamp.IndexOf('.', StringComparison.Ordinal)];
}

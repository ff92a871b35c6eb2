using System.Diagnostics;
using FPbase.Caching;
using FPbase.Caching.Diagnostics;
using FPbase.Caching.Versions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

/// <summary>
/// What the bump protocol adds to a write: a bump's duration as the writer sees it, with 1, 2 and 3
/// instances holding leases (each must acknowledge), against the bare round trip of the same Lua
/// script without waiting for anyone. Real Redis, real instances (each its own connection). With edge nodes (real
/// Varnish with deploy/varnish/fpbase.vcl, started by bench/bump), also the bump followed by the purge of one node and
/// of all of them, as a writer waits for both with Varnish in front.
/// </summary>
internal static class BumpLatency
{
    public static async Task<int> RunAsync(string redis, int iterations, IReadOnlyList<string> edgeNodes)
    {
        Console.WriteLine("### Bump latency (what a write waits for after its commit)");
        Console.WriteLine();
        Console.WriteLine($"{iterations:N0} bumps each, one at a time, on Redis {redis}; lease {new HttpCachingOptions().LeaseDuration.TotalSeconds:0.#} s.");
        Console.WriteLine();
        Console.WriteLine("| what | p50 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---|---|---|");

        var prefix = "bench-bump-" + Guid.NewGuid().ToString("N")[..8];
        await using (var raw = await ConnectionMultiplexer.ConnectAsync(redis))
        {
            var db = raw.GetDatabase();
            var row = Row("bare round trip (HSET + PUBLISH script, no waiting)", await TimeAsync(iterations, () =>
                db.ScriptEvaluateAsync("redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) return redis.call('PUBLISH', ARGV[3], ARGV[1])", [$"{{{prefix}}}:raw"], ["protein:egfp", VersionToken.New(), prefix + ":raw"])));
            Console.WriteLine(row);
            await db.KeyDeleteAsync($"{{{prefix}}}:raw");
        }

        using var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new CacheMetrics(meters.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        foreach (var instances in new[] { 1, 2, 3 })
        {
            var stores = new List<(ConnectionMultiplexer Redis, RedisResourceVersionStore Store)>();
            for (var i = 0; i < instances; i++)
            {
                var connection = await ConnectionMultiplexer.ConnectAsync(redis);
                var store = new RedisResourceVersionStore(connection, Options.Create(new HttpCachingOptions { KeyPrefix = prefix }), metrics, NullLogger<RedisResourceVersionStore>.Instance);
                await store.StartAsync(CancellationToken.None);
                stores.Add((connection, store));
            }

            var deadline = Stopwatch.StartNew();
            while (!stores.All(s => s.Store.Local.IsTrusted) && deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(20);
            }

            var writer = stores[0].Store;
            Console.WriteLine(Row($"bump, {instances} instance{(instances == 1 ? string.Empty : "s")} holding leases", await TimeAsync(iterations, () => writer.BumpAsync(["protein:egfp", "proteins"], CancellationToken.None))));
            if (instances == 2)
            {
                for (var nodes = 1; nodes <= edgeNodes.Count; nodes++)
                {
                    var edge = new HttpCachingOptions { KeyPrefix = prefix };
                    edge.Edge.Nodes.AddRange(edgeNodes.Take(nodes));
                    using var purger = new FPbase.Caching.Edge.EdgePurger(new FixedOptions(edge), metrics, NullLogger<FPbase.Caching.Edge.EdgePurger>.Instance);
                    Console.WriteLine(Row($"bump, 2 instances, then the purge of {nodes} Varnish node{(nodes == 1 ? string.Empty : "s")}", await TimeAsync(iterations, async () =>
                    {
                        await writer.BumpAsync(["protein:egfp", "proteins"], CancellationToken.None);
                        await purger.PurgeAsync(["protein:egfp", "proteins"], CancellationToken.None);
                    })));
                }
            }
            foreach (var (connection, store) in stores)
            {
                await store.StopAsync(CancellationToken.None);
                store.Dispose();
                await connection.DisposeAsync();
            }
        }

        await using (var cleanup = await ConnectionMultiplexer.ConnectAsync(redis))
        {
            await cleanup.GetDatabase().KeyDeleteAsync([$"{{{prefix}}}:versions", $"{{{prefix}}}:leases"]);
        }

        Console.WriteLine();
        return 0;
    }

    /// <summary>Options that never change (the purger reads CurrentValue).</summary>
    private sealed class FixedOptions(HttpCachingOptions value) : IOptionsMonitor<HttpCachingOptions>
    {
        public HttpCachingOptions CurrentValue => value;

        public HttpCachingOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<HttpCachingOptions, string?> listener) => null;
    }

    private static Task<double[]> TimeAsync(int iterations, Func<Task> work) => Timing.SortedSamplesAsync(work, iterations, warmUp: 50);

    private static string Row(string what, double[] sorted)
        => $"| {what} | {Timing.Percentile(sorted, 0.5):F2} | {Timing.Percentile(sorted, 0.99):F2} | {sorted[^1]:F2} |";
}

using System.Diagnostics;
using FPbase.Caching.Tests.Support;
using FPbase.Caching.Versions;
using StackExchange.Redis;

namespace FPbase.Caching.Tests.Versions;

/// <summary>
/// When a bump returns, the writer may answer: every other instance's copy has dropped the old
/// versions or its lease has run out, and a failover cannot lose the bump. On a private
/// redis-server per test (these tests flush, fill and reconfigure it).
/// </summary>
public sealed class BumpProtocolTests : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromMilliseconds(1500);
    private readonly string _prefix = RedisStoreFactory.NewPrefix();
    private readonly List<IAsyncDisposable> _cleanup = [];
    private PrivateRedis _redis = null!;
    private ConnectionMultiplexer _admin = null!;

    public async Task InitializeAsync()
    {
        _redis = await PrivateRedis.StartAsync();
        _admin = await _redis.ConnectAsync(allowAdmin: true);
    }

    public async Task DisposeAsync()
    {
        for (var i = _cleanup.Count - 1; i >= 0; i--)
        {
            await _cleanup[i].DisposeAsync();
        }

        await _admin.DisposeAsync();
        await _redis.DisposeAsync();
    }

    private IServer Server => _admin.GetServer(_redis.Endpoint);

    [Fact]
    public async Task WhenABumpReturnsAnotherInstancesTrustedCopyNoLongerAnswersTheOldVersion()
    {
        var writer = await InstanceAsync();
        var reader = await InstanceAsync();
        await Poll.UntilAsync(() => reader.Local.IsTrusted, "the reader to hold a lease");

        for (var i = 0; i < 20; i++)
        {
            var old = await reader.StampAsync("widgets");
            Assert.True(reader.Local.TryGetStamp(["widgets"], out _), "The read was not kept in the reader's copy.");

            await writer.BumpAsync("widgets");

            // No polling: the writer's bump waited for the reader's acknowledgement.
            Assert.NotEqual(old, await reader.StampAsync("widgets"));
        }
    }

    [Fact]
    public async Task AnInstanceThatHoldsALeaseButNeverAcknowledgesKeepsTheWriterWaitingUntilItsLeaseEnds()
    {
        using var metrics = new RecordingMetrics();
        var writer = await InstanceAsync(metrics: metrics);
        await Poll.UntilAsync(() => writer.Local.IsTrusted, "the writer to hold a lease");

        // A stuck instance: its lease is recorded in Redis, but it reads no notifications.
        var zombieLease = TimeSpan.FromMilliseconds(1200);
        var redisNow = await RedisMillisecondsAsync();
        await _admin.GetDatabase().HashSetAsync($"{{{_prefix}}}:leases", "zombie", redisNow + (long)zombieLease.TotalMilliseconds);

        var clock = Stopwatch.StartNew();
        await writer.BumpAsync("widgets");

        Assert.True(clock.Elapsed >= zombieLease - TimeSpan.FromMilliseconds(50), $"The bump returned after {clock.ElapsedMilliseconds} ms, before the silent instance's lease ended.");
        Assert.Equal(1, metrics.Sum("fpbase.cache.bump.lease_expiries"));
        Assert.True(metrics.Values("fpbase.cache.bump.wait").Single() >= (zombieLease - TimeSpan.FromMilliseconds(100)).TotalSeconds, "The wait for the silent instance was not recorded.");

        // Its lease is over now: the next bump does not wait for it.
        clock.Restart();
        await writer.BumpAsync("widgets");
        Assert.True(clock.Elapsed < zombieLease, $"The second bump still waited {clock.ElapsedMilliseconds} ms.");
        Assert.Equal(1, metrics.Sum("fpbase.cache.bump.lease_expiries"));
    }

    [Fact]
    public async Task AfterAFlushTheFirstBumpWaitsOutEveryLeaseItCanNoLongerSee()
    {
        var writer = await InstanceAsync();
        var reader = await InstanceAsync();
        await Poll.UntilAsync(() => reader.Local.IsTrusted && writer.Local.IsTrusted, "both instances to hold leases");
        await reader.StampAsync("widgets");

        // FLUSHALL drops the lease records with everything else.
        await Server.FlushAllDatabasesAsync();

        var clock = Stopwatch.StartNew();
        await writer.BumpAsync("widgets");
        Assert.True(clock.Elapsed >= Lease * 0.9, $"The first bump after a flush returned after {clock.ElapsedMilliseconds} ms, before unseen leases could have ended.");
    }

    [Fact]
    public async Task WhenRedisRefusesWritesTheBumpIsNotAcknowledgedAndLeasesRunOut()
    {
        var writer = await InstanceAsync(o => o.BumpTimeout = TimeSpan.FromMilliseconds(600));
        var reader = await InstanceAsync();
        await Poll.UntilAsync(() => reader.Local.IsTrusted, "the reader to hold a lease");
        var old = await reader.StampAsync("widgets");

        // Out of memory with nothing to evict: every write fails, PUBLISH still works.
        await Server.ConfigSetAsync("maxmemory-policy", "noeviction");
        await Server.ConfigSetAsync("maxmemory", "1");

        await Assert.ThrowsAsync<ResourceVersionsUnconfirmedException>(() => writer.BumpAsync("widgets"));

        // Renewals are writes too: the reader stops answering from its copy within a lease.
        await Poll.UntilAsync(() => !reader.Local.IsTrusted, "the reader's lease to run out", Lease * 3);
        Assert.False(reader.Local.TryGetStamp(["widgets"], out _));

        await Server.ConfigSetAsync("maxmemory", "0");
        await Poll.UntilAsync(() => reader.Local.IsTrusted, "the reader to hold a lease again", Lease * 4);
        Assert.Equal(old, await reader.StampAsync("widgets"));
    }

    [Fact]
    public async Task APromotionChangesEveryStampEvenInTheSameServerProcess()
    {
        var store = await InstanceAsync();
        await store.BumpAsync("widgets");
        var before = await store.StampAsync("widgets");

        // Become the replica of a copy of ourselves, then be promoted again: same run_id, same data.
        await using var copy = await PrivateRedis.StartAsync();
        await using (var copyAdmin = await copy.ConnectAsync(allowAdmin: true))
        {
            var copyServer = copyAdmin.GetServer(copy.Endpoint);
            await copyServer.ExecuteAsync("REPLICAOF", "127.0.0.1", _redis.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Poll.UntilAsync(async () => (string?)await copyAdmin.GetDatabase().HashGetAsync($"{{{_prefix}}}:versions", "widgets") is not null, replicated => replicated, "the copy to replicate the versions");
            await copyServer.ExecuteAsync("REPLICAOF", "NO", "ONE");
        }

        var runIdBefore = await RunIdAsync();
        await Server.ExecuteAsync("REPLICAOF", "127.0.0.1", copy.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Poll.UntilAsync(async () => (string?)((RedisResult[])(await Server.ExecuteAsync("ROLE"))!)[3] == "connected", synced => synced, "this server to sync from the copy");
        await Server.ExecuteAsync("REPLICAOF", "NO", "ONE");
        Assert.Equal(runIdBefore, await RunIdAsync());

        var after = await Poll.UntilAsync(() => store.GetStampAsync(["widgets"], CancellationToken.None).AsTask(), s => s is not null, "a stamp after the promotion");
        Assert.NotEqual(before, after);
    }

    private async Task<RedisResourceVersionStore> InstanceAsync(Action<HttpCachingOptions>? configure = null, RecordingMetrics? metrics = null)
    {
        var redis = await _redis.ConnectAsync();
        var store = RedisStoreFactory.Create(
            redis,
            _prefix,
            options =>
            {
                options.LeaseDuration = Lease;
                configure?.Invoke(options);
            },
            metrics: metrics?.Metrics);
        await store.StartAsync(CancellationToken.None);
        _cleanup.Add(new Disposer(async () =>
        {
            await store.StopAsync(CancellationToken.None);
            store.Dispose();
            await redis.DisposeAsync();
        }));
        return store;
    }

    private async Task<long> RedisMillisecondsAsync()
    {
        var time = (RedisResult[])(await Server.ExecuteAsync("TIME"))!;
        return (long.Parse((string)time[0]!, System.Globalization.CultureInfo.InvariantCulture) * 1000) + (long.Parse((string)time[1]!, System.Globalization.CultureInfo.InvariantCulture) / 1000);
    }

    private async Task<string> RunIdAsync()
    {
        var info = (string)(await Server.ExecuteAsync("INFO", "server"))!;
        return info.Split('\n').Single(l => l.StartsWith("run_id:", StringComparison.Ordinal)).Trim();
    }
}

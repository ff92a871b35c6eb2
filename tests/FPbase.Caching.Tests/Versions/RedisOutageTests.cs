using FPbase.Caching.Tests.Support;
using FPbase.Caching.Versions;
using StackExchange.Redis;

namespace FPbase.Caching.Tests.Versions;

/// <summary>
/// What the Redis store does when Redis loses its data, rolls back or goes away: on a private
/// redis-server per test, never the shared one.
/// </summary>
public sealed class RedisOutageTests : IAsyncLifetime
{
    private readonly string _prefix = RedisStoreFactory.NewPrefix();
    private readonly RecordingMetrics _metrics = new();
    private PrivateRedis _redis = null!;
    private ConnectionMultiplexer _client = null!;
    private ConnectionMultiplexer _admin = null!;
    private RedisResourceVersionStore? _store;

    public async Task InitializeAsync()
    {
        _redis = await PrivateRedis.StartAsync(snapshots: true);
        _client = await _redis.ConnectAsync();
        _admin = await _redis.ConnectAsync(allowAdmin: true);
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.StopAsync(CancellationToken.None);
            _store.Dispose();
        }

        await _client.DisposeAsync();
        await _admin.DisposeAsync();
        await _redis.DisposeAsync();
        _metrics.Dispose();
    }

    private IServer Server => _admin.GetServer(_redis.Endpoint);

    [Fact]
    public async Task AnEvictionPolicyThatMayDropTheVersionsIsReportedAtStart()
    {
        await Server.ConfigSetAsync("maxmemory-policy", "allkeys-lru");
        var logger = new RecordingLogger<RedisResourceVersionStore>();
        _store = RedisStoreFactory.Create(_client, _prefix, logger: logger);
        await _store.StartAsync(CancellationToken.None);
        Assert.True(
            logger.Events.Any(e => e.Id.Name == "EvictionPolicyMayDropVersions" && e.Message.Contains("allkeys-lru", StringComparison.Ordinal)),
            string.Join("; ", logger.Events.Select(e => $"{e.Id.Name}: {e.Message}")));

        await Server.ConfigSetAsync("maxmemory-policy", "volatile-lru");
        var quiet = new RecordingLogger<RedisResourceVersionStore>();
        await using var other = await _redis.ConnectAsync();
        using var second = RedisStoreFactory.Create(other, _prefix, logger: quiet);
        await second.StartAsync(CancellationToken.None);
        Assert.DoesNotContain(quiet.Events, e => e.Id.Name == "EvictionPolicyMayDropVersions");
        await second.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task FlushAllGivesEveryResourceANewStampIncludingOnesNeverBumped()
    {
        var store = Store();
        await store.StampAsync("bumped");
        await store.BumpAsync("bumped");
        var bumped = await store.StampAsync("bumped");
        var neverBumped = await store.StampAsync("never-bumped");
        var both = await store.StampAsync("bumped", "never-bumped");

        await Server.FlushAllDatabasesAsync();

        var bumpedAfter = await store.StampAsync("bumped");
        var neverBumpedAfter = await store.StampAsync("never-bumped");
        Assert.NotEqual(bumped, bumpedAfter);
        Assert.NotEqual(neverBumped, neverBumpedAfter);
        Assert.NotEqual(both, await store.StampAsync("bumped", "never-bumped"));

        // The recreated versions are as stable as the old ones were.
        Assert.Equal(bumpedAfter, await store.StampAsync("bumped"));
        Assert.Equal(neverBumpedAfter, await store.StampAsync("never-bumped"));
    }

    [Fact]
    public async Task ARestartFromASnapshotTakenBeforeABumpDoesNotBringBackTheOldStamp()
    {
        var store = Store();
        await store.BumpAsync("widgets");
        var beforeBump = await store.StampAsync("widgets");
        await Server.ExecuteAsync("SAVE");
        await store.BumpAsync("widgets");
        var afterBump = await store.StampAsync("widgets");
        Assert.NotEqual(beforeBump, afterBump);

        // Crash (nothing saved since the snapshot) and come back from the older snapshot.
        await _redis.StopAsync();
        await _redis.RestartAsync();

        var afterRestart = await Poll.UntilAsync(
            () => store.GetStampAsync(["widgets"], CancellationToken.None).AsTask(), s => s is not null, "the store to reach the restarted Redis");

        // The snapshot did roll the version back: the hash holds the token from before the bump...
        var restoredToken = (string?)await _client.GetDatabase().HashGetAsync(RedisStoreFactory.HashKey(_prefix), "widgets");
        Assert.Equal(RedisStoreFactory.LastToken(beforeBump), restoredToken);

        // ...yet no stamp ever seen comes back, because the server's run_id is part of it.
        Assert.NotEqual(beforeBump, afterRestart);
        Assert.NotEqual(afterBump, afterRestart);
    }

    [Fact]
    public async Task WhileRedisIsDownStampsAreNullAndBumpsThrowThenStampsComeBackAfterARestartAndTheMetricsSaySo()
    {
        var store = await StartedStoreAsync();
        await Poll.UntilAsync(() => store.Local.IsTrusted, "the store to trust its local copy");
        var before = await Poll.UntilAsync(
            () => store.GetStampAsync(["widgets"], CancellationToken.None).AsTask(), s => s is not null, "a first stamp");
        Assert.True(store.Local.TryGetStamp(["widgets"], out _));

        await _redis.StopAsync();

        // The lost connection drops the local copy: nothing is answered from memory any more.
        await Poll.UntilAsync(() => !store.Local.IsTrusted, "the store to stop trusting its local copy");
        for (var i = 0; i < 8; i++)
        {
            // Timeouts first, then the open circuit: null every time, never an exception.
            Assert.Null(await store.GetStampAsync(["widgets"], CancellationToken.None));
        }

        await Assert.ThrowsAnyAsync<Exception>(() => store.BumpAsync("widgets"));
        Assert.True(_metrics.Sum("fpbase.cache.store.errors", "operation", "read") >= 1, "No failed read was counted.");
        Assert.True(_metrics.Sum("fpbase.cache.store.errors", "operation", "bump") >= 1, "No failed bump attempt was counted.");
        Assert.Equal(1, _metrics.Values("fpbase.cache.store.circuit")[^1]);

        await _redis.RestartAsync();
        var after = await Poll.UntilAsync(
            () => store.GetStampAsync(["widgets"], CancellationToken.None).AsTask(), s => s is not null, "stamps after the restart", TimeSpan.FromSeconds(20));
        Assert.NotEqual(before, after);

        // Notifications arrive again, so the copy is trusted again.
        await Poll.UntilAsync(() => store.Local.IsTrusted, "the store to trust its local copy again", TimeSpan.FromSeconds(20));
        Assert.Equal(0, _metrics.Values("fpbase.cache.store.circuit")[^1]);
    }

    private RedisResourceVersionStore Store(Action<HttpCachingOptions>? configure = null)
    {
        _store = RedisStoreFactory.Create(_client, _prefix, configure, metrics: _metrics.Metrics);
        return _store;
    }

    private async Task<RedisResourceVersionStore> StartedStoreAsync()
    {
        var store = Store(options => options.StoreTimeout = TimeSpan.FromMilliseconds(250));
        await store.StartAsync(CancellationToken.None);
        return store;
    }
}

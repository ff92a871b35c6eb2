using System.Diagnostics;
using System.Net;
using FPbase.Caching.Tests.Support;
using FPbase.Caching.Versions;
using StackExchange.Redis;

namespace FPbase.Caching.Tests.Versions;

/// <summary>
/// Instances of one site do not all subscribe on the same Redis server: one whose subscription broke while the
/// master was down subscribes again on the replica, and StackExchange.Redis keeps it there when the master comes
/// back. Bumps and lease renewals reach every subscriber wherever it listens (they are published by scripts on the
/// master, and the master's PUBLISH is replicated), so an acknowledgement must be too, or a writer waits out the
/// lease of an instance that did acknowledge. Seen as write latency close to the lease in the three-instance soak.
/// </summary>
public sealed class AcknowledgementsAcrossReplicasTests : IAsyncLifetime
{
    // Long enough that waiting it out cannot pass for an acknowledgement; renewed every 2 s.
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(8);
    private readonly string _prefix = RedisStoreFactory.NewPrefix();
    private readonly List<Func<Task>> _cleanup = [];
    private PrivateRedis _master = null!;
    private PrivateRedis _replica = null!;

    private RedisChannel Channel => RedisChannel.Literal($"{_prefix}:versions:bumped");

    public async Task InitializeAsync()
    {
        _master = await PrivateRedis.StartAsync();
        _replica = await PrivateRedis.StartAsync();
        await ReplicateAsync();
    }

    public async Task DisposeAsync()
    {
        for (var i = _cleanup.Count - 1; i >= 0; i--)
        {
            await _cleanup[i]();
        }

        await _replica.DisposeAsync();
        await _master.DisposeAsync();
    }

    [Fact]
    public async Task AWriterHearsTheAcknowledgementOfAnInstanceSubscribedOnTheReplica()
    {
        var (reader, readerRedis) = await InstanceAsync();
        await Poll.UntilAsync(() => reader.Local.IsTrusted, "the reader to hold a lease");

        // The master goes away: the reader's subscription moves to the replica, and stays there once the master is back.
        await _master.StopAsync();
        await Poll.UntilAsync(() => Task.FromResult(readerRedis.GetSubscriber().SubscribedEndpoint(Channel)), at => Is(at, _replica), "the reader to subscribe again on the replica", TimeSpan.FromSeconds(20));
        await _master.RestartAsync();
        await ReplicateAsync();
        await Poll.UntilAsync(() => reader.Local.IsTrusted, "the reader to hold a lease on the restarted master", Lease * 2);

        using var metrics = new RecordingMetrics();
        var (writer, writerRedis) = await InstanceAsync(metrics);
        await Poll.UntilAsync(() => writer.Local.IsTrusted, "the writer to hold a lease");
        Assert.True(Is(writerRedis.GetSubscriber().SubscribedEndpoint(Channel), _master), "The writer should subscribe on the master.");
        Assert.True(Is(readerRedis.GetSubscriber().SubscribedEndpoint(Channel), _replica), "The reader should still listen on the replica.");
        var old = await reader.StampAsync("widgets");

        // The restart was a reset of the store's state: the first bump after it waits out leases it cannot see.
        await writer.BumpAsync("something else");

        var clock = Stopwatch.StartNew();
        await writer.BumpAsync("widgets");
        clock.Stop();

        Assert.True(clock.Elapsed < Lease / 2, $"The bump took {clock.ElapsedMilliseconds} ms: the writer waited out the reader's lease instead of hearing its acknowledgement.");
        Assert.NotEqual(old, await reader.StampAsync("widgets"));
        Assert.Equal(0, metrics.Sum("fpbase.cache.bump.lease_expiries"));
    }

    private static bool Is(EndPoint? endpoint, PrivateRedis server) => endpoint is IPEndPoint ip && ip.Port == server.Port;

    private async Task ReplicateAsync()
    {
        await using var admin = await _replica.ConnectAsync(allowAdmin: true);
        var server = admin.GetServer(_replica.Endpoint);
        await server.ExecuteAsync("REPLICAOF", "127.0.0.1", _master.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Poll.UntilAsync(async () => (string?)((RedisResult[])(await server.ExecuteAsync("ROLE"))!)[3], state => state == "connected", "the replica to sync", TimeSpan.FromSeconds(20));
    }

    /// <summary>A store whose client knows both servers, as the site's does through Sentinel.</summary>
    private async Task<(RedisResourceVersionStore Store, ConnectionMultiplexer Redis)> InstanceAsync(RecordingMetrics? metrics = null)
    {
        var redis = await ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions
        {
            EndPoints = { _master.Endpoint, _replica.Endpoint },
            AbortOnConnectFail = false,
            ConnectTimeout = 2000,
            AsyncTimeout = 2000,
            SyncTimeout = 2000,
        });
        var store = RedisStoreFactory.Create(redis, _prefix, options => options.LeaseDuration = Lease, metrics: metrics?.Metrics);
        await store.StartAsync(CancellationToken.None);
        _cleanup.Add(async () =>
        {
            await store.StopAsync(CancellationToken.None);
            store.Dispose();
            await redis.DisposeAsync();
        });
        return (store, redis);
    }
}

using FPbase.Caching.Tests.Support;
using FPbase.Caching.Versions;
using StackExchange.Redis;

namespace FPbase.Caching.Tests.Versions;

/// <summary>The Redis store on the shared Redis, each test under its own key prefix.</summary>
public sealed class RedisResourceVersionStoreTests : IAsyncLifetime
{
    private readonly string _prefix = RedisStoreFactory.NewPrefix();
    private readonly List<IAsyncDisposable> _cleanup = [];
    private ConnectionMultiplexer _first = null!;
    private ConnectionMultiplexer _second = null!;

    public async Task InitializeAsync()
    {
        var endpoint = TestEnvironment.Redis;
        _first = await ConnectionMultiplexer.ConnectAsync(endpoint + ",abortConnect=false");
        _second = await ConnectionMultiplexer.ConnectAsync(endpoint + ",abortConnect=false");
    }

    public async Task DisposeAsync()
    {
        foreach (var item in _cleanup)
        {
            await item.DisposeAsync();
        }

        await _first.GetDatabase().KeyDeleteAsync(RedisStoreFactory.HashKey(_prefix));
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Fact]
    public async Task AStampIsStableAcrossReadsAndAcrossInstances()
    {
        var store = Store(_first);
        var first = await store.StampAsync("widgets", "widget:1");

        Assert.Equal(first, await store.StampAsync("widgets", "widget:1"));
        Assert.Equal(first, await Store(_second).StampAsync("widgets", "widget:1"));
    }

    [Fact]
    public async Task ReadingAResourceNobodyBumpedWritesNothingToRedis()
    {
        // A request names its resources from the URL (/protein/{slug}/): a crawler of made-up slugs must not grow the hash.
        var store = Store(_first);
        var hash = RedisStoreFactory.HashKey(_prefix);
        var first = await store.StampAsync("widget:404", "widgets");

        Assert.False(await _first.GetDatabase().HashExistsAsync(hash, "widget:404"));
        Assert.False(await _first.GetDatabase().HashExistsAsync(hash, "widgets"));
        Assert.Equal(first, await Store(_second).StampAsync("widget:404", "widgets"));

        await store.BumpAsync("widget:404");
        var bumped = await store.StampAsync("widget:404", "widgets");
        Assert.NotEqual(first, bumped);
        Assert.Equal(bumped, await Store(_second).StampAsync("widget:404", "widgets"));
    }

    [Fact]
    public async Task ABumpChangesTheStampsOfTheBumpedResourceOnly()
    {
        var store = Store(_first);
        var widgets = await store.StampAsync("widgets");
        var gadgets = await store.StampAsync("gadgets");
        var both = await store.StampAsync("widgets", "gadgets");

        await store.BumpAsync("widgets");

        Assert.NotEqual(widgets, await store.StampAsync("widgets"));
        Assert.NotEqual(both, await store.StampAsync("widgets", "gadgets"));
        Assert.Equal(gadgets, await store.StampAsync("gadgets"));
    }

    [Fact]
    public async Task EveryBumpGivesANewStampNeverAnEarlierOne()
    {
        var store = Store(_first);
        var seen = new HashSet<string> { await store.StampAsync("widgets") };
        for (var i = 0; i < 20; i++)
        {
            await store.BumpAsync("widgets");
            Assert.True(seen.Add(await store.StampAsync("widgets")), "A bump brought back a stamp seen before.");
        }
    }

    [Fact]
    public async Task ABumpOnOneInstanceReachesAnotherInstancesTrustedCopy()
    {
        var writer = await StartedStoreAsync(_first);
        var reader = await StartedStoreAsync(_second);
        await Poll.UntilAsync(() => reader.Local.IsTrusted, "the reader to trust its local copy");

        var before = await reader.StampAsync("widgets", "widget:1");
        Assert.Equal(before, await reader.StampAsync("widgets", "widget:1"));
        Assert.True(reader.Local.TryGetStamp(["widgets", "widget:1"], out var cached), "The read was not kept in the local copy.");
        Assert.Equal(before, cached);

        await writer.BumpAsync("widget:1");

        // Only the pub/sub notification can make the trusted reader ask Redis again.
        var after = await Poll.UntilAsync(() => reader.StampAsync("widgets", "widget:1"), s => s != before, "the bump to reach the reader");
        Assert.Equal(await writer.StampAsync("widgets", "widget:1"), after);
    }

    [Fact]
    public async Task ATrustedLocalCopyAnswersWithoutAskingRedis()
    {
        var store = await StartedStoreAsync(_first);
        await Poll.UntilAsync(() => store.Local.IsTrusted, "the store to trust its local copy");
        var cached = await store.StampAsync("widgets");

        // Change the version behind the library's back: no notification is published.
        await _first.GetDatabase().HashSetAsync(RedisStoreFactory.HashKey(_prefix), "widgets", "changed-behind-its-back");

        Assert.Equal(cached, await store.StampAsync("widgets"));
        var fromRedis = await Store(_second).StampAsync("widgets");
        Assert.NotEqual(cached, fromRedis);
        Assert.Equal("changed-behind-its-back", RedisStoreFactory.LastToken(fromRedis));
    }

    [Fact]
    public async Task ATrustedLocalCopyKeepsItsVersionsAcrossLeaseRenewals()
    {
        // Count the lease renewals on the store's channel, from a connection of our own.
        var probes = 0;
        await _second.GetSubscriber().SubscribeAsync(RedisChannel.Literal($"{_prefix}:versions:bumped"), (_, message) =>
        {
            if (((string?)message)?.StartsWith("@lease:", StringComparison.Ordinal) == true)
            {
                Interlocked.Increment(ref probes);
            }
        });
        var store = await StartedStoreAsync(_first);
        await Poll.UntilAsync(() => store.Local.IsTrusted, "the store to trust its local copy");
        var stamp = await store.StampAsync("widgets");

        var seen = Volatile.Read(ref probes);
        await Poll.UntilAsync(() => Volatile.Read(ref probes) >= seen + 3, "three more renewals");

        Assert.True(store.Local.IsTrusted);
        Assert.True(store.Local.TryGetStamp(["widgets"], out var cached), "A lease renewal dropped the local copy.");
        Assert.Equal(stamp, cached);
    }

    [Fact]
    public async Task AnUntrustedStoreAsksRedisEveryTime()
    {
        var store = Store(_first);
        Assert.False(store.Local.IsTrusted);
        var before = await store.StampAsync("widgets");

        await _first.GetDatabase().HashSetAsync(RedisStoreFactory.HashKey(_prefix), "widgets", "changed-behind-its-back");

        Assert.Equal("changed-behind-its-back", RedisStoreFactory.LastToken(await store.StampAsync("widgets")));
        Assert.NotEqual(before, await store.StampAsync("widgets"));
    }

    [Fact]
    public async Task BumpingNothingIsANoOp()
    {
        var store = Store(_first);
        var before = await store.StampAsync("widgets");
        await store.BumpAsync([], CancellationToken.None);
        Assert.Equal(before, await store.StampAsync("widgets"));
    }

    private RedisResourceVersionStore Store(IConnectionMultiplexer redis)
    {
        var store = RedisStoreFactory.Create(redis, _prefix);
        _cleanup.Add(new Disposer(() =>
        {
            store.Dispose();
            return Task.CompletedTask;
        }));
        return store;
    }

    private async Task<RedisResourceVersionStore> StartedStoreAsync(IConnectionMultiplexer redis)
    {
        var store = RedisStoreFactory.Create(redis, _prefix);
        await store.StartAsync(CancellationToken.None);
        _cleanup.Add(new Disposer(async () =>
        {
            await store.StopAsync(CancellationToken.None);
            store.Dispose();
        }));
        return store;
    }
}

internal sealed class Disposer(Func<Task> dispose) : IAsyncDisposable
{
    public async ValueTask DisposeAsync() => await dispose();
}

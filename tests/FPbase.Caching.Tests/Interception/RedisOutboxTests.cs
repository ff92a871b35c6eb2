using FPbase.Caching.Tests.Support;
using FPbase.Caching.Tests.Versions;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace FPbase.Caching.Tests.Interception;

/// <summary>
/// No bump is lost: a write while Redis is down commits and leaves its outbox row; after Redis is
/// back, another instance's drainer bumps it. PostgreSQL, and a private Redis that keeps a snapshot,
/// so that its versions survive the outage and the test can see exactly what changed.
/// </summary>
public sealed class RedisOutboxTests : IAsyncLifetime
{
    private readonly string _prefix = RedisStoreFactory.NewPrefix();
    private PostgresTestDatabase _database = null!;
    private PrivateRedis _redis = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        _redis = await PrivateRedis.StartAsync(snapshots: true);
    }

    public async Task DisposeAsync()
    {
        await _redis.DisposeAsync();
        await _database.DisposeAsync();
    }

    private VersioningHarness Instance(IConnectionMultiplexer redis) => VersioningHarness.CreateWithRedis(_database, redis, options =>
    {
        options.KeyPrefix = _prefix;
        options.StoreTimeout = TimeSpan.FromSeconds(5);
        options.BumpTimeout = TimeSpan.FromMilliseconds(300);
        options.OutboxGracePeriod = TimeSpan.Zero;
    });

    [Fact]
    public async Task AWriteWhileRedisIsDownCommitsIsRefusedAndAnotherInstanceBumpsItOnceRedisIsBack()
    {
        var writerRedis = await _redis.ConnectAsync();
        var writer = Instance(writerRedis);
        await writer.EnsureCreatedAsync();
        await using (var db = writer.NewContext())
        {
            db.AddRange(new Widget { Id = 1, Name = "one" }, new Widget { Id = 2, Name = "two" });
            await db.SaveChangesAsync();
        }

        Assert.Equal(0, await writer.DrainOnceAsync());
        Assert.Empty(await writer.OutboxAsync());
        var tokenBefore = await TokenAsync("widget:1");
        Assert.NotNull(tokenBefore);

        // Redis goes down (its data saved), and a write happens meanwhile.
        await using (var admin = await _redis.ConnectAsync(allowAdmin: true))
        {
            await admin.GetServer(_redis.Endpoint).ExecuteAsync("SAVE");
        }

        await _redis.StopAsync();
        await using (var db = writer.NewContext())
        {
            (await db.Widgets.SingleAsync(w => w.Id == 1)).Name = "uno";

            // Committed, but not acknowledged: no instance can be told, so the writer must not be
            // told it is done.
            await Assert.ThrowsAsync<ResourceVersionsUnconfirmedException>(() => db.SaveChangesAsync());
        }

        Assert.Equal(["widget:1", "widgets"], Assert.Single(await writer.OutboxAsync()));

        // The writer's process ends; Redis comes back with the versions it had.
        await writer.DisposeAsync();
        await writerRedis.DisposeAsync();
        await _redis.RestartAsync();
        Assert.Equal(tokenBefore, await TokenAsync("widget:1"));

        await using var otherRedis = await _redis.ConnectAsync();
        await using var other = Instance(otherRedis);
        var stampBefore = await other.StampAsync("widget:1");
        var unrelatedBefore = await other.StampAsync("widget:2");

        Assert.Equal(1, await other.DrainOnceAsync());

        Assert.Empty(await other.OutboxAsync());
        Assert.NotEqual(tokenBefore, await TokenAsync("widget:1"));
        Assert.NotEqual(stampBefore, await other.StampAsync("widget:1"));
        Assert.Equal(unrelatedBefore, await other.StampAsync("widget:2"));
        await using (var db = other.NewContext())
        {
            Assert.Equal("uno", (await db.Widgets.SingleAsync(w => w.Id == 1)).Name);
        }
    }

    private async Task<string?> TokenAsync(string resource)
    {
        await using var redis = await _redis.ConnectAsync();
        return await redis.GetDatabase().HashGetAsync(RedisStoreFactory.HashKey(_prefix), resource);
    }
}

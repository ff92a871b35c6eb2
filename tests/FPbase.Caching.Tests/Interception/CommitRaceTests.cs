using FPbase.Caching.Tests.Support;
using FPbase.Caching.Tests.Versions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace FPbase.Caching.Tests.Interception;

/// <summary>
/// The reason bumps wait for the commit: a reader between the write and the commit (another
/// connection, another web instance) reads versions then data, as the middleware does, and must
/// get the old data under the old version. On PostgreSQL and the shared Redis.
/// </summary>
public sealed class CommitRaceTests : IAsyncLifetime
{
    private PostgresTestDatabase _database = null!;
    private ConnectionMultiplexer _writerRedis = null!;
    private ConnectionMultiplexer _readerRedis = null!;
    private VersioningHarness _writer = null!;
    private Caching.Versions.RedisResourceVersionStore _readerStore = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        _writerRedis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis + ",abortConnect=false");
        _readerRedis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis + ",abortConnect=false");
        _writer = VersioningHarness.CreateWithRedis(_database, _writerRedis, o => o.StoreTimeout = TimeSpan.FromSeconds(5));
        await _writer.EnsureCreatedAsync();
        await using (var db = _writer.NewContext())
        {
            db.Add(new Widget { Id = 1, Name = "old" });
            await db.SaveChangesAsync();
        }

        // Another web instance: its own connection and a local copy kept current by pub/sub.
        var prefix = _writer.Services.GetRequiredService<IOptions<HttpCachingOptions>>().Value.KeyPrefix;
        _readerStore = RedisStoreFactory.Create(_readerRedis, prefix);
        await _readerStore.StartAsync(CancellationToken.None);
        await Poll.UntilAsync(() => _readerStore.Local.IsTrusted, "the reader instance to trust its local copy");
    }

    public async Task DisposeAsync()
    {
        var prefix = _writer.Services.GetRequiredService<IOptions<HttpCachingOptions>>().Value.KeyPrefix;
        await _readerStore.StopAsync(CancellationToken.None);
        _readerStore.Dispose();
        await _writer.DisposeAsync();
        await _writerRedis.GetDatabase().KeyDeleteAsync(RedisStoreFactory.HashKey(prefix));
        await _writerRedis.DisposeAsync();
        await _readerRedis.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Theory]
    [InlineData("SaveChanges")]
    [InlineData("ExecuteUpdate")]
    public async Task AReaderBetweenTheWriteAndTheCommitSeesOldDataUnderTheOldVersionAndTheCommitChangesIt(string write)
    {
        var before = await _readerStore.StampAsync("widgets", "widget:1");

        await using var writer = _writer.NewContext();
        await using var transaction = await writer.Database.BeginTransactionAsync();
        if (write == "SaveChanges")
        {
            (await writer.Widgets.SingleAsync(w => w.Id == 1)).Name = "new";
            await writer.SaveChangesAsync();
        }
        else
        {
            await writer.Widgets.Where(w => w.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(w => w.Name, "new"));
        }

        // The concurrent reader: versions first, then data, on its own connection.
        var (readerStamp, readerData) = await ReadAsync();
        Assert.Equal("old", readerData);
        Assert.Equal(before, readerStamp);
        Assert.Equal(before, await _writer.StampAsync("widgets", "widget:1"));

        await transaction.CommitAsync();

        // The writer's own instance has the new version at once; the other instance as soon as
        // the notification arrives. Neither can label anything with the reader's version again.
        Assert.NotEqual(readerStamp, await _writer.StampAsync("widgets", "widget:1"));
        var (afterStamp, afterData) = await Poll.UntilAsync(ReadAsync, r => r.Stamp != readerStamp, "the reader instance to see the bump");
        Assert.Equal("new", afterData);
        Assert.Equal(await _writer.StampAsync("widgets", "widget:1"), afterStamp);
    }

    private async Task<(string Stamp, string Data)> ReadAsync()
    {
        var stamp = await _readerStore.StampAsync("widgets", "widget:1");
        await using var reader = _writer.NewContext();
        var name = await reader.Widgets.AsNoTracking().Where(w => w.Id == 1).Select(w => w.Name).SingleAsync();
        return (stamp, name);
    }
}

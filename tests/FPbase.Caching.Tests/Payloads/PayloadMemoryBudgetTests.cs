using FPbase.Caching.Tests.Middleware;
using FPbase.Caching.Tests.Support;
using FPbase.Caching.Payloads;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace FPbase.Caching.Tests.Payloads;

/// <summary>
/// The payloads kept in memory have a budget (<see cref="HttpCachingOptions.PayloadMemoryBytes"/>): however many
/// variants are built, the memory cache under HybridCache and the builds' pool of free blocks together hold at
/// most that many bytes, evicting old entries, and the cache keeps serving what it holds.
/// </summary>
public sealed class PayloadMemoryBudgetTests
{
    private const long Budget = 2 * 1024 * 1024;

    [Fact]
    public async Task PayloadsInMemoryStayWithinTheBudgetHoweverManyAreBuilt()
    {
        await using var test = await TestApp.StartAsync(options =>
        {
            options.PayloadMemoryBytes = Budget;
            options.MaximumPayloadBytes = 512 * 1024;
        });
        var memory = (MemoryCache)test.App.Services.GetRequiredService<IMemoryCache>();
        var pool = test.App.Services.GetRequiredService<PayloadBuffers>().MaximumFreeBytes;
        Assert.True(pool > 0, "builds have a pool of free blocks");

        // 40 payloads of about 300 KB each (identity, gzip and Brotli of 100 KB of noise): 12 MB built.
        for (var id = 0; id < 40; id++)
        {
            (await test.Client.GetAsync($"/blobs/{id}")).EnsureSuccessStatusCode();
            Assert.InRange(memory.GetCurrentStatistics()!.CurrentEstimatedSize ?? -1, 0, Budget - pool);
        }

        Assert.Equal(40, test.Invocations("blob"));
        Assert.True(memory.GetCurrentStatistics()!.CurrentEstimatedSize > Budget / 4, "the budget is used, not left empty");

        // Eviction runs in the background: once it has, the newest payload is still served from memory.
        await Poll.UntilAsync(async () =>
        {
            (await test.Client.GetAsync("/blobs/1000")).EnsureSuccessStatusCode();
            var built = test.Invocations("blob");
            (await test.Client.GetAsync("/blobs/1000")).EnsureSuccessStatusCode();
            return test.Invocations("blob") == built;
        }, served => served, "the newest payload to be served from memory");
    }
}

using FPbase.Caching.Tests.Support;
using FPbase.Caching.Versions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace FPbase.Caching.Tests.Policy;

public sealed class ServiceRegistrationTests
{
    private static ServiceCollection Services()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddHttpCaching(o =>
        {
            o.KeyPrefix = "t" + Guid.NewGuid().ToString("N");
            // Generous, as in the other test projects: the first Redis call on a busy 2-core machine can take longer
            // than the 50 ms production default, and a read that times out is a null stamp ("cannot tell").
            o.StoreTimeout = TimeSpan.FromSeconds(2);
        });
        return services;
    }

    [Fact]
    public async Task TheEmbeddedDefaultKeepsVersionsInMemory()
    {
        await using var provider = Services().BuildServiceProvider();
        Assert.IsType<InMemoryResourceVersionStore>(provider.GetRequiredService<IResourceVersionStore>());
    }

    [Fact]
    public async Task ABackgroundReaderSeesTheStampOfTheStoreTheSiteUsesChangeWithABump()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis + ",abortConnect=false");
        var services = Services();
        services.AddHttpCachingRedis(redis);
        await using var provider = services.BuildServiceProvider();
        var versions = provider.GetRequiredService<IResourceVersions>();
        string[] resources = ["a", "b"];

        var before = await versions.GetStampAsync(resources, default);
        Assert.Equal(before, await versions.GetStampAsync(resources, default));
        await provider.GetRequiredService<IResourceVersionStore>().BumpAsync(["b"], default);
        var after = await versions.GetStampAsync(resources, default);

        Assert.NotNull(before);
        Assert.NotEqual(before, after);
        Assert.Equal(after, await provider.GetRequiredService<IResourceVersionStore>().GetStampAsync(resources, default));
    }

    [Fact]
    public async Task RedisReplacesTheDefaultWithOneStoreThatIsAlsoStartedAndDisposesCleanly()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis + ",abortConnect=false");
        var services = Services();
        services.AddHttpCachingRedis(redis);
        var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<RedisResourceVersionStore>();
        Assert.Same(store, provider.GetRequiredService<IResourceVersionStore>());
        Assert.Contains(provider.GetServices<IHostedService>(), s => ReferenceEquals(s, store));

        // The container disposes the instance once per registration that handed it out.
        await provider.DisposeAsync();
    }
}

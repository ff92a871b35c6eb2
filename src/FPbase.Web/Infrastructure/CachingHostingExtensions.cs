using StackExchange.Redis;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// HTTP caching: Redis when <c>ConnectionStrings:Redis</c> is set (versions and payloads shared by
/// every instance), else the in-process store of the embedded default.
/// </summary>
internal static class CachingHostingExtensions
{
    public static async Task<WebApplicationBuilder> AddFpbaseCachingAsync(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpCaching();
        var redis = builder.Configuration.GetConnectionString("Redis");
        if (!string.IsNullOrWhiteSpace(redis))
        {
            var options = ConfigurationOptions.Parse(redis);
            // Redis down at start must not stop the site: it serves fresh responses without ETags
            // and reconnects in the background. Commands fail at once while disconnected instead of
            // queueing, so a request never waits for Redis.
            options.AbortOnConnectFail = false;
            options.BacklogPolicy = BacklogPolicy.FailFast;
            // Connect before the host is built: a lazy synchronous connect inside a DI factory
            // starved the thread pool on our 2-core machines.
            var multiplexer = await ConnectionMultiplexer.ConnectAsync(options);
            builder.Services.AddHttpCachingRedis(multiplexer);
        }

        return builder;
    }
}

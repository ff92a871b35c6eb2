using FPbase.Web.Features.Microscopes.Pages;
using FPbase.Web.Features.Proteins.Popular;
using FPbase.Web.Infrastructure;
using StackExchange.Redis;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// HTTP caching: Redis when <c>ConnectionStrings:Redis</c> is set (versions and payloads shared by
/// every instance), else the in-process store of the embedded default; and the revalidation shortcut in front.
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

    /// <summary>
    /// The revalidation shortcut, right after forwarded headers (the rate limit's client address). It jumps over the
    /// middleware that acts on a 304: framing headers of embeddable pages and the protein view counter, so their
    /// endpoints take the full way; and it spends the client's cheap permit (<see cref="RateLimitingPartitions.Answers"/>)
    /// as the full pipeline would, falling back to it (and its 429) when none is left.
    /// </summary>
    public static WebApplication UseFpbaseRevalidationShortcut(this WebApplication app)
    {
        var partitions = app.Services.GetRequiredService<RateLimitingPartitions>();
        app.UseRevalidationShortcut(shortcut =>
        {
            shortcut.Bypass = static endpoint => endpoint.Metadata.GetMetadata<EmbeddableAttribute>() is not null
                || endpoint.Metadata.GetMetadata<CountsProteinViewAttribute>() is not null;
            shortcut.Admit = context =>
            {
                using var lease = partitions.Answers.AttemptAcquire(context);
                return lease.IsAcquired;
            };
        });
        return app;
    }
}

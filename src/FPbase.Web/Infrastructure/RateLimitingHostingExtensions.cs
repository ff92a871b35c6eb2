using FPbase.Web.Infrastructure;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Rate limiting as FPbase does it, charged by cost (<see cref="RateLimitingPartitions"/>): anonymous clients may
/// make <c>RateLimiting:AnonymousPerMinute</c> (60) full-price requests a minute per IP, users
/// <c>RateLimiting:UserPerMinute</c> (300) each. Full price: whatever reaches an endpoint of <c>/api/*</c> or
/// <c>/graphql/</c>, and every build of a cached page. On <c>/api/*</c> and <c>/graphql/</c> an answer from the
/// cache costs <c>1 / RateLimiting:CachedAnswersPerRequest</c> (20) of one; pages from the cache are free. Over a
/// budget: 429 with <c>Retry-After</c> and a problem-details body. Budgets refill continuously; at most
/// <c>RateLimiting:BurstSeconds</c> (10) seconds' worth can be spent at once.
/// </summary>
internal static class RateLimitingHostingExtensions
{
    public static WebApplicationBuilder AddFpbaseRateLimiting(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitingOptions>()
            .BindConfiguration(RateLimitingOptions.SectionName)
            .Validate(o => o.AnonymousPerMinute > 0 && o.UserPerMinute > 0 && o.CachedAnswersPerRequest > 0, "RateLimiting limits must be positive.")
            .Validate(o => o.BurstSeconds is >= 1 and <= 60, "RateLimiting:BurstSeconds must be between 1 and 60.")
            .ValidateOnStart();
        builder.Services.AddSingleton<RateLimitingPartitions>();
        return builder;
    }

    /// <summary>
    /// Every request's (cheap) permit. After authentication (to know the user) and before the ETag filter, so a
    /// client over this budget gets no 304 either.
    /// </summary>
    public static WebApplication UseFpbaseRateLimiting(this WebApplication app)
    {
        app.UseMiddleware<RateLimitingMiddleware>(false);
        return app;
    }

    /// <summary>The full price, for what reaches an endpoint: right after the ETag filter.</summary>
    public static WebApplication UseFpbaseEndpointRateLimiting(this WebApplication app)
    {
        app.UseMiddleware<RateLimitingMiddleware>(true);
        return app;
    }
}

using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace FPbase.Web.Infrastructure;

/// <summary>
/// The two budgets a client spends (FPbase's AnonRateThrottle and UserRateThrottle, charged by cost):
/// <see cref="Answers"/>, one permit per request to <c>/api/*</c> and <c>/graphql/</c>, and <see cref="Work"/>, one
/// permit per request that reaches an endpoint there or builds a cached page. A logged-in user (cookie or API token) has budgets of their own;
/// anonymous clients have them per IP address (behind a proxy, trust it in <c>ForwardedHeaders</c> so that the
/// address is the client's). No header exempts a request: the site's own pages spend like anyone, and their
/// requests are mostly 304s and cached payloads. Each budget is a token bucket (<see cref="Bucket"/>), so a minute's
/// budget cannot be spent in one burst that would take the cores from everyone else.
/// </summary>
internal sealed class RateLimitingPartitions(IOptionsMonitor<RateLimitingOptions> options) : IDisposable
{
    /// <summary>Every request to the API and GraphQL: <c>limit × CachedAnswersPerRequest</c> a minute.</summary>
    public PartitionedRateLimiter<HttpContext> Answers { get; } = PartitionedRateLimiter.Create<HttpContext, Spender>(
        context => Partition(context, IsApi(context.Request.Path), options.CurrentValue, o => o.CachedAnswersPerRequest));

    /// <summary>
    /// Every request that reaches an endpoint of the API or GraphQL, and every build of a cached page (a page the
    /// cache could not answer: a new version, another row, other declared parameters): <c>limit</c> a minute. Pages answered from the cache cost nothing.
    /// </summary>
    public PartitionedRateLimiter<HttpContext> Work { get; } = PartitionedRateLimiter.Create<HttpContext, Spender>(
        context => Partition(
            context,
            IsApi(context.Request.Path) || context.GetEndpoint()?.Metadata.GetMetadata<FPbase.Caching.CacheResourcesAttribute>() is not null,
            options.CurrentValue,
            _ => 1));

    public static bool IsApi(PathString path)
        => path.StartsWithSegments("/api") || path.StartsWithSegments("/graphql");

    private static RateLimitPartition<Spender> Partition(HttpContext context, bool limited, RateLimitingOptions options, Func<RateLimitingOptions, int> factor)
    {
        if (!limited)
        {
            return RateLimitPartition.GetNoLimiter(default(Spender));
        }

        var user = context.User.Identity?.IsAuthenticated == true ? context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty : null;
        var perMinute = user is null ? options.AnonymousPerMinute : options.UserPerMinute;
        var limit = (int)Math.Min(int.MaxValue, (long)perMinute * factor(options));
        var spender = new Spender(user, user is null ? context.Connection.RemoteIpAddress : null, limit, options.BurstSeconds);
        return RateLimitPartition.GetTokenBucketLimiter(spender, static spender => Bucket(spender.Limit, spender.BurstSeconds));
    }

    /// <summary>
    /// Whose budget a request spends: a user's, or an address's (no user), with the bucket's settings. Those are part of
    /// the key, so that a changed setting takes effect at once, with full buckets. A value, not a string built per
    /// request: every request computes its partition, and a 304 must stay cheap. <c>default</c> is the free partition.
    /// </summary>
    private readonly record struct Spender(string? User, System.Net.IPAddress? Address, int Limit, int BurstSeconds);

    /// <summary>
    /// <paramref name="perMinute"/> permits a minute, refilled in steps of at least one permit, and at most
    /// <paramref name="burstSeconds"/> seconds' worth held (at least one).
    /// </summary>
    internal static TokenBucketRateLimiterOptions Bucket(int perMinute, int burstSeconds)
    {
        var perMinuteLong = Math.Max(1L, perMinute);
        var tokensPerPeriod = (int)Math.Min(int.MaxValue, (perMinuteLong + 59) / 60);
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = (int)Math.Clamp(((perMinuteLong * burstSeconds) + 59) / 60, 1, int.MaxValue),
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) * tokensPerPeriod / perMinuteLong,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }

    public void Dispose()
    {
        Answers.Dispose();
        Work.Dispose();
    }
}

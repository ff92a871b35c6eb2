using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace FPbase.Web.Infrastructure;

/// <summary>
/// The two budgets every client of <c>/api/*</c> and <c>/graphql/</c> spends (FPbase's AnonRateThrottle and
/// UserRateThrottle, charged by cost): <see cref="Answers"/>, one permit per request, and <see cref="Work"/>, one
/// permit per request that reaches an endpoint. A logged-in user (cookie or API token) has windows of their own;
/// anonymous clients have them per IP address (behind a proxy, trust it in <c>ForwardedHeaders</c> so that the
/// address is the client's). No header exempts a request: the site's own pages spend like anyone, and their
/// requests are mostly 304s and cached payloads.
/// </summary>
internal sealed class RateLimitingPartitions(IOptionsMonitor<RateLimitingOptions> options) : IDisposable
{
    /// <summary>Every limited request: a window of <c>limit × CachedAnswersPerRequest</c> a minute.</summary>
    public PartitionedRateLimiter<HttpContext> Answers { get; } = PartitionedRateLimiter.Create<HttpContext, string>(
        context => Partition(context, options.CurrentValue, o => o.CachedAnswersPerRequest));

    /// <summary>Every limited request that reaches an endpoint: a window of <c>limit</c> a minute.</summary>
    public PartitionedRateLimiter<HttpContext> Work { get; } = PartitionedRateLimiter.Create<HttpContext, string>(
        context => Partition(context, options.CurrentValue, _ => 1));

    public static bool IsLimited(PathString path)
        => path.StartsWithSegments("/api") || path.StartsWithSegments("/graphql");

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitingOptions options, Func<RateLimitingOptions, int> factor)
    {
        if (!IsLimited(context.Request.Path))
        {
            return RateLimitPartition.GetNoLimiter("pages");
        }

        var (key, perMinute) = context.User.Identity?.IsAuthenticated == true
            ? ("user:" + context.User.FindFirstValue(ClaimTypes.NameIdentifier), options.UserPerMinute)
            : ("ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), options.AnonymousPerMinute);
        var limit = (int)Math.Min(int.MaxValue, (long)perMinute * factor(options));

        // The limit is part of the key: a changed setting takes effect at once, with fresh windows.
        return RateLimitPartition.GetFixedWindowLimiter($"{key}|{limit}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, limit),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    public void Dispose()
    {
        Answers.Dispose();
        Work.Dispose();
    }
}

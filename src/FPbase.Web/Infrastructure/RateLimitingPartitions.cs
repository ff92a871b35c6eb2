using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace FPbase.Web.Infrastructure;

/// <summary>
/// Who shares a rate limit, as FPbase throttles (DRF's AnonRateThrottle and UserRateThrottle, with the
/// spectra viewer exempt): only <c>/api/*</c> and <c>/graphql/</c> are limited; requests from the site's own
/// pages are exempt; a logged-in user (cookie or API token) has a window of their own; anonymous clients have
/// one per IP address (behind a proxy, enable forwarded headers so that it is the client's).
/// </summary>
internal static class RateLimitingPartitions
{
    public static RateLimitPartition<string> For(HttpContext context)
    {
        if (!IsLimited(context.Request.Path) || IsSameOrigin(context.Request))
        {
            return RateLimitPartition.GetNoLimiter("exempt");
        }

        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitingOptions>>().CurrentValue;
        var (key, limit) = context.User.Identity?.IsAuthenticated == true
            ? ("user:" + context.User.FindFirstValue(ClaimTypes.NameIdentifier), options.UserPerMinute)
            : ("ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), options.AnonymousPerMinute);

        // The limit is part of the key: a changed setting takes effect at once, with fresh windows.
        return RateLimitPartition.GetFixedWindowLimiter($"{key}|{limit}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, limit),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    public static bool IsLimited(PathString path)
        => path.StartsWithSegments("/api") || path.StartsWithSegments("/graphql");

    /// <summary>
    /// A request made by one of our own pages: <c>Sec-Fetch-Site: same-origin</c> (every current browser sends
    /// it), or, from browsers that send no fetch metadata, a <c>Referer</c> on this host (FPbase's rule, here an
    /// exact match of host and port).
    /// </summary>
    public static bool IsSameOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"];
        if (site.Count > 0)
        {
            return string.Equals(site.ToString(), "same-origin", StringComparison.OrdinalIgnoreCase);
        }

        return Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referer)
            && request.Host.HasValue
            && string.Equals(referer.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}

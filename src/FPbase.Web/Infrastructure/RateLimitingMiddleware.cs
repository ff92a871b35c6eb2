using System.Globalization;
using System.Threading.RateLimiting;

namespace FPbase.Web.Infrastructure;

/// <summary>
/// Spends one permit of a <see cref="RateLimitingPartitions"/> budget, or answers 429 with <c>Retry-After</c>
/// (seconds) and a problem-details body, <c>no-store</c>. Placed twice: before the ETag filter for
/// <see cref="RateLimitingPartitions.Answers"/>, and after it for <see cref="RateLimitingPartitions.Work"/>, so that
/// only what the filter could not answer from the cache spends the full price.
/// </summary>
internal sealed class RateLimitingMiddleware(RequestDelegate next, RateLimitingPartitions partitions, bool work)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limiter = work ? partitions.Work : partitions.Answers;
        using var lease = limiter.AttemptAcquire(context);
        if (lease.IsAcquired)
        {
            await next(context);
            return;
        }

        var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (context.Request.ContentLength > 0 || RequestLimitsMiddleware.HasBody(context.Request))
        {
            // The client may still be sending a body we refused: do not read it to keep the connection.
            context.Response.Headers.Connection = "close";
        }

        await context.WriteProblemAsync(
            StatusCodes.Status429TooManyRequests,
            "Too Many Requests",
            work
                ? $"Request limit reached for requests that are not answered from the cache (new queries, writes). Try again in {seconds} s; log in or use an API token for a higher limit. Revalidating what you have (If-None-Match) costs far less."
                : $"Request limit reached. Try again in {seconds} s; log in or use an API token for a higher limit.");
    }
}

using System.Globalization;
using System.Threading.RateLimiting;
using FPbase.Web.Infrastructure;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Rate limiting as FPbase does it (ASP.NET Core's rate limiter, partitioned by <see cref="RateLimitingPartitions"/>):
/// anonymous clients <c>RateLimiting:AnonymousPerMinute</c> (60) per IP, users <c>RateLimiting:UserPerMinute</c> (300)
/// each, on <c>/api/*</c> and <c>/graphql/</c>; the site's own pages exempt. Over the limit: 429 with
/// <c>Retry-After</c> (seconds) and a problem-details body. Runs after authentication (to know the user) and
/// before the ETag filter, so a throttled client gets no 304 either.
/// </summary>
internal static class RateLimitingHostingExtensions
{
    public static WebApplicationBuilder AddFpbaseRateLimiting(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitingOptions>()
            .BindConfiguration(RateLimitingOptions.SectionName)
            .Validate(o => o.AnonymousPerMinute > 0 && o.UserPerMinute > 0, "RateLimiting limits must be positive.")
            .ValidateOnStart();
        builder.Services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(RateLimitingPartitions.For);
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : 60;
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                context.Response.Headers.CacheControl = "no-store";
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too Many Requests",
                        Detail = $"Request limit reached. Try again in {seconds} s, log in or use an API token for a higher limit.",
                    },
                });
            };
        });
        return builder;
    }

    public static WebApplication UseFpbaseRateLimiting(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }
}

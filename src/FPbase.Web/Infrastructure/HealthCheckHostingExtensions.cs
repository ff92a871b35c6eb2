using FPbase.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

using FPbase.Web.Infrastructure;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// <c>/livez</c> answers 200 without touching any dependency (liveness, and the benchmarks' baseline);
/// <c>/healthz</c> reports whether the database and Redis answer.
/// </summary>
internal static class HealthCheckHostingExtensions
{
    private const string ReadyTag = "ready";
    private const string NoStore = "no-store";

    public static WebApplicationBuilder AddFpbaseHealthChecks(this WebApplicationBuilder builder)
    {
        var checks = builder.Services.AddHealthChecks()
            .AddDbContextCheck<FpbaseDbContext>("database", tags: [ReadyTag]);
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("Redis")))
        {
            checks.AddCheck<RedisHealthCheck>("redis", tags: [ReadyTag]);
        }

        return builder;
    }

    public static WebApplication MapFpbaseHealthChecks(this WebApplication app)
    {
        // Probes report the instance as it is now: never stored by any cache (exactly "no-store",
        // one of the freshness classes, rather than the health middleware's "no-store, no-cache").
        app.MapMethods("/livez", [HttpMethods.Get, HttpMethods.Head], (HttpContext context) =>
            {
                context.Response.Headers.CacheControl = NoStore;
                return TypedResults.Text("Healthy");
            })
            .ExcludeFromDescription();
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            AllowCachingResponses = true, // we set the header ourselves
            ResponseWriter = (context, report) =>
            {
                context.Response.Headers.CacheControl = NoStore;
                return HealthReportWriter.WriteAsync(context, report);
            },
        });
        return app;
    }
}

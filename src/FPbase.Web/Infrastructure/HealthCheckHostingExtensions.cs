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
        app.MapGet("/livez", () => TypedResults.Text("Healthy"))
            .ExcludeFromDescription();
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        });
        return app;
    }
}

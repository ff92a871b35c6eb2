using FPbase.Caching.Diagnostics;
using FPbase.Web.Features.Accounts;
using FPbase.Web.Features.Staff.CacheDashboard;
using OpenTelemetry.Metrics;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Metrics through OpenTelemetry, scraped by Prometheus at <c>/metrics</c>: the caching library's instruments
/// (<see cref="CacheMetrics"/>: answers by cache outcome, payload bytes sent against uncompressed, build times,
/// bumps), and ASP.NET Core's, Kestrel's and EF Core's own meters. The endpoint is not public:
/// staff only (a staff user's API token as a bearer token, Prometheus's <c>authorization</c> setting), never cached.
/// </summary>
internal static class MetricsHostingExtensions
{
    public const string ScrapePath = "/metrics";

    private static readonly string[] Meters =
    [
        CacheMetrics.MeterName,
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.EntityFrameworkCore",
    ];

    public static WebApplicationBuilder AddFpbaseMetrics(this WebApplicationBuilder builder)
    {
        // Each scrape reads the counters as they are (the exporter would otherwise answer from a 300 ms copy).
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(Meters)
            .AddPrometheusExporter(exporter => exporter.ScrapeResponseCacheDurationMilliseconds = 0));
        // The staff dashboard's last hour (/staff/cache/), from the same instruments.
        builder.Services.AddSingleton(sp => new CacheActivityRecorder(sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), sp.GetService<TimeProvider>() ?? TimeProvider.System));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CacheActivityRecorder>());
        return builder;
    }

    public static WebApplication MapFpbaseMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(
                ScrapePath,
                meterProvider: null,
                configureBranchedPipeline: static pipeline => pipeline.Use(static (context, next) =>
                {
                    context.Response.Headers.CacheControl = "private, no-store";
                    return next(context);
                }),
                optionsName: null)
            .RequireStaff();
        return app;
    }
}

using FPbase.Web.Features.Proteins.Popular;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Protein page views, counted in memory and written in batches, for the home page's popular proteins.</summary>
internal static class PopularityHostingExtensions
{
    public static WebApplicationBuilder AddFpbasePopularity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PopularityOptions>().BindConfiguration(PopularityOptions.SectionName)
            .Validate(o => o.FlushInterval >= TimeSpan.FromSeconds(1) && o.FlushInterval <= TimeSpan.FromHours(1),
                $"{PopularityOptions.SectionName}:{nameof(PopularityOptions.FlushInterval)} must be between 00:00:01 and 01:00:00")
            .Validate(o => o.MaxPagesPerFlush is > 0 and <= 1_000_000,
                $"{PopularityOptions.SectionName}:{nameof(PopularityOptions.MaxPagesPerFlush)} must be between 1 and 1000000")
            .ValidateOnStart();
        builder.Services.AddSingleton<ProteinViewCounter>();
        builder.Services.AddSingleton<ProteinViewFlusher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ProteinViewFlusher>());
        return builder;
    }

    /// <summary>
    /// Counts a view after the response is decided, around the caching middleware (which answers a revalidation with
    /// 304 before the action runs): GET only (a HEAD reads no page), 200 or 304 only (a missing protein is no view).
    /// </summary>
    public static WebApplication UseProteinViewCounting(this WebApplication app)
    {
        bool enabled;
        try
        {
            enabled = app.Services.GetRequiredService<IOptions<PopularityOptions>>().Value.Enabled;
        }
        catch (OptionsValidationException)
        {
            return app; // HasValidSettings reports it, in one line, before anything runs.
        }

        if (!enabled)
        {
            return app;
        }

        var counter = app.Services.GetRequiredService<ProteinViewCounter>();

        app.Use(async (context, next) =>
        {
            await next(context);
            if (HttpMethods.IsGet(context.Request.Method)
                && context.Response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status304NotModified
                && context.GetEndpoint()?.Metadata.GetMetadata<CountsProteinViewAttribute>() is not null
                && context.Request.RouteValues["slug"] is string slug)
            {
                counter.Record(slug);
            }
        });
        return app;
    }
}

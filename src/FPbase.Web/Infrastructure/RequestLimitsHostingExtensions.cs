using FPbase.Web.Infrastructure;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Request body size limits (<see cref="RequestLimitsMiddleware"/>): <c>RequestLimits:MaxBodyBytes</c> (1 MB) for
/// every endpoint that declares no limit of its own; 413 problem details when exceeded.
/// </summary>
internal static class RequestLimitsHostingExtensions
{
    public static WebApplicationBuilder AddFpbaseRequestLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RequestLimitsOptions>()
            .BindConfiguration(RequestLimitsOptions.SectionName)
            .Validate(o => o.MaxBodyBytes > 0, "RequestLimits:MaxBodyBytes must be positive.")
            .ValidateOnStart();
        builder.Services.AddExceptionHandler<RequestLimitsExceptionHandler>();
        return builder;
    }

    /// <summary>After routing (the limit is the endpoint's), before anything reads the body.</summary>
    public static WebApplication UseFpbaseRequestLimits(this WebApplication app)
    {
        app.UseMiddleware<RequestLimitsMiddleware>();
        return app;
    }
}

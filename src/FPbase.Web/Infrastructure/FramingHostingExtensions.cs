using FPbase.Web.Features.Microscopes.Pages;
using Microsoft.Net.Http.Headers;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Framing headers from endpoint metadata (<see cref="EmbeddableAttribute"/>). Registered after routing and before
/// the caching middleware (which answers 304s and cached payloads without running the endpoint, and keeps no
/// headers), so they are on every answer of such an endpoint; anything that would forbid framing (antiforgery's
/// <c>X-Frame-Options: SAMEORIGIN</c>) is removed as the response starts.
/// </summary>
internal static class FramingHostingExtensions
{
    public static WebApplication UseFpbaseFraming(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<EmbeddableAttribute>() is not null)
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.Remove(HeaderNames.XFrameOptions);
                    context.Response.Headers.ContentSecurityPolicy = "frame-ancestors *";
                    return Task.CompletedTask;
                });
            }

            return next(context);
        });
        return app;
    }
}

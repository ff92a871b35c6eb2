using FPbase.Caching;
using FPbase.Caching.Http;
using FPbase.Caching.Http.Shortcut;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Adds HTTP caching to the pipeline and to minimal endpoints.</summary>
public static class HttpCachingEndpointExtensions
{
    /// <summary>
    /// Adds the ETag filter. Place it after <c>UseRouting</c>, <c>UseAuthentication</c> and
    /// <c>UseAuthorization</c>, so that those answer before any 304. On a <c>WebApplication</c>, the endpoints
    /// mapped on it (before or after this call) are checked against the policy whenever it is validated, at start
    /// and on reload: a <see cref="CacheResourcesAttribute.FreshnessClass"/> the policy does not define, or one set
    /// together with <see cref="CacheResourcesAttribute.VaryByUser"/>, is refused.
    /// </summary>
    public static IApplicationBuilder UseHttpCaching(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app is IEndpointRouteBuilder routes)
        {
            app.ApplicationServices.GetService<CachedEndpoints>()?.Use(routes.DataSources);
        }

        return app.UseMiddleware<HttpCachingMiddleware>();
    }

    /// <summary>
    /// Adds the revalidation shortcut (<see cref="HttpCachingOptions.RevalidationShortcut"/>): a credential-less
    /// revalidation of a URL the ETag filter has answered gets its 304 here, before anything after this runs. Place it
    /// first (after forwarded headers, which decide the client's address), with <c>UseHttpCaching</c> later in the
    /// same pipeline; tell it, in <paramref name="configure"/>, about middleware between the two that changes or
    /// charges a 304.
    /// </summary>
    public static IApplicationBuilder UseRevalidationShortcut(this IApplicationBuilder app, Action<RevalidationShortcutOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var shortcut = new RevalidationShortcutOptions();
        configure?.Invoke(shortcut);
        return app.UseMiddleware<RevalidationShortcutMiddleware>(shortcut);
    }

    /// <summary>
    /// Makes every response marked <c>public</c> that carries <c>Set-Cookie</c> <c>private</c>, whatever set the
    /// cookie. Place it first in the pipeline (after forwarded headers and the revalidation shortcut at most, which
    /// set no cookie), so that it sees the headers everything after it sets.
    /// </summary>
    public static IApplicationBuilder UseNoCookiesOnPublicResponses(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseMiddleware<PublicResponseCookieGuard>();
    }

    /// <summary>The minimal-API form of <see cref="CacheResourcesAttribute"/>.</summary>
    public static TBuilder CacheResources<TBuilder>(this TBuilder builder, params string[] resources)
        where TBuilder : IEndpointConventionBuilder
        => builder.CacheResources(new CacheResourcesAttribute(resources));

    /// <summary>The minimal-API form of <see cref="CacheResourcesAttribute"/>, with its options set.</summary>
    public static TBuilder CacheResources<TBuilder>(this TBuilder builder, CacheResourcesAttribute metadata)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(metadata);
        builder.Add(endpoint => endpoint.Metadata.Add(metadata));
        return builder;
    }
}

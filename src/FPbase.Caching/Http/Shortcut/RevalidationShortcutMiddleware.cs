using FPbase.Caching.Diagnostics;
using FPbase.Caching.Versions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace FPbase.Caching.Http.Shortcut;

/// <summary>
/// The revalidation shortcut, first in the pipeline: a GET or HEAD with <c>If-None-Match</c> and no credentials,
/// no <c>Origin</c> and no body, for a URL the ETag filter has answered before (<see cref="ShortcutRoutes"/>), is
/// answered 304 here when the version it names is current, with the headers the filter sends, having read the same
/// versions from the same store; routing, authentication, CORS and the rest never run. Anything else (a changed
/// version, a store that cannot answer, a URL not learned yet, a client the host does not admit) takes the full
/// pipeline, unchanged, which is always right: the shortcut is an answer the filter would have given, sooner.
/// </summary>
internal sealed class RevalidationShortcutMiddleware(
    RequestDelegate next,
    ShortcutRoutes routes,
    IResourceVersionStore store,
    IOptionsMonitor<HttpCachingOptions> options,
    CacheMetrics metrics,
    RevalidationShortcutOptions host)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!CouldBeShortcut(request) || !options.CurrentValue.RevalidationShortcut || ShortcutRoutes.KeyOf(request) is not { } key)
        {
            return next(context);
        }

        return routes.TryGet(key, out var route) ? AnswerAsync(context, route) : LearnAsync(context, key);
    }

    /// <summary>
    /// A revalidation whose answer depends on nothing the skipped middleware reads: no credentials (authentication
    /// would find none; the user is anonymous), no Origin (CORS adds nothing), no body (no request-size limit applies).
    /// </summary>
    private static bool CouldBeShortcut(HttpRequest request)
    {
        var headers = request.Headers;
        return (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && headers.IfNoneMatch.Count > 0
            && headers.Authorization.Count == 0
            && headers.Cookie.Count == 0
            && headers.Origin.Count == 0
            && headers.TransferEncoding.Count == 0
            && request.ContentLength is null or 0;
    }

    private async Task AnswerAsync(HttpContext context, ShortcutRoute route)
    {
        var opts = options.CurrentValue;
        var (etagsOn, payloadsOn) = opts.SwitchesFor(route.Resources);
        var stamp = etagsOn && string.Equals(opts.FormatVersion, route.FormatOption, StringComparison.Ordinal)
            ? await store.GetStampAsync(route.Resources, context.RequestAborted).ConfigureAwait(false)
            : null;
        if (stamp is not null)
        {
            var request = context.Request;
            var coding = payloadsOn ? ContentCodingNegotiator.Choose(request) : ContentCoding.Identity;
            var (versionHash, etag) = route.For(stamp, coding);
            if (Precondition.Evaluate(request, etag, versionHash, route.Metadata.AlwaysExists, isSafe: true) == PreconditionOutcome.NotModified
                && host.Admit(context))
            {
                CachingHeaders.For(opts, route.Metadata).WriteNotModified(context.Response, etag);
                metrics.Answered(route.Name, CacheMetrics.Outcomes.NotModified);
                routes.CountAnswer();
                return;
            }
        }

        await next(context).ConfigureAwait(false);
    }

    private async Task LearnAsync(HttpContext context, string key)
    {
        var candidate = new ShortcutCandidate();
        context.Features.Set(candidate);
        await next(context).ConfigureAwait(false);
        if (candidate.Route is { } route
            && context.Response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status304NotModified
            && context.GetEndpoint() is { } endpoint
            && endpoint.Metadata.GetMetadata<IAuthorizeData>() is null
            && !host.Bypass(endpoint))
        {
            routes.Learn(key, route);
        }
    }
}

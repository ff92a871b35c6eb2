using FPbase.Caching.Diagnostics;
using FPbase.Caching.Payloads;
using FPbase.Caching.Versions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;

namespace FPbase.Caching.Http.Shortcut;

/// <summary>
/// The shortcut, first in the pipeline: a GET or HEAD without credentials, <c>Origin</c> or body, for a URL the ETag
/// filter has answered before (<see cref="ShortcutRoutes"/>), is answered here as the filter would answer it, having
/// read the same versions from the same store: 304 when its <c>If-None-Match</c> names the current version, else the
/// current version's payload when this instance holds it in memory, with the same headers. Routing,
/// authentication, CORS and the rest never run. Anything else (a failed or unanswerable precondition, a store that
/// cannot answer, a payload not in memory, a URL not learned yet, a client the host does not admit) takes the full
/// pipeline unchanged, which is always right: the shortcut only gives, sooner, an answer the filter would give.
/// </summary>
internal sealed class RevalidationShortcutMiddleware(
    RequestDelegate next,
    ShortcutRoutes routes,
    IResourceVersionStore store,
    HybridCache cache,
    IOptionsMonitor<HttpCachingOptions> options,
    CacheMetrics metrics,
    RevalidationShortcutOptions host)
{
    /// <summary>This instance's memory only: a payload that is not there is the filter's to fetch or build.</summary>
    private static readonly HybridCacheEntryOptions InMemoryOnly = new()
    {
        Flags = HybridCacheEntryFlags.DisableUnderlyingData | HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCache,
    };

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
    /// A read whose answer depends on nothing the skipped middleware reads: no credentials (authentication would find
    /// none; the user is anonymous), no Origin (CORS adds nothing), no body (no request-size limit applies).
    /// </summary>
    private static bool CouldBeShortcut(HttpRequest request)
    {
        var headers = request.Headers;
        return (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
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
            var (versionHash, etag, payloadKey) = route.For(stamp, coding);
            var outcome = Precondition.Evaluate(request, etag, versionHash, route.Metadata.AlwaysExists, isSafe: true);
            if (outcome == PreconditionOutcome.NotModified && host.Admit(context))
            {
                CachingHeaders.For(opts, route.Metadata).WriteNotModified(context.Response, etag);
                metrics.Answered(route.Name, CacheMetrics.Outcomes.NotModified);
                routes.CountAnswer();
                return;
            }

            if (outcome == PreconditionOutcome.Proceed && payloadsOn && await InMemoryAsync(payloadKey, context.RequestAborted).ConfigureAwait(false) is { } entry
                && host.Admit(context))
            {
                metrics.Answered(route.Name, CacheMetrics.Outcomes.Payload);
                metrics.PayloadSent(route.Name, entry, coding);
                routes.CountAnswer();
                // The same headers as the full pipeline's: an edge node keeps a 200 the shortcut answered too.
                await entry.WriteAsync(context, coding, etag, CachingHeaders.For(opts, route.Metadata).ForEdge(opts.Edge, route.Resources)).ConfigureAwait(false);
                return;
            }
        }

        await next(context).ConfigureAwait(false);
    }

    private ValueTask<PayloadEntry?> InMemoryAsync(string key, CancellationToken cancellationToken)
        => cache.GetOrCreateAsync<PayloadEntry?>(key, static _ => ValueTask.FromResult<PayloadEntry?>(null), InMemoryOnly, cancellationToken: cancellationToken);

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

// Over 400 lines on purpose: this file is one request's path, read top to bottom. InvokeCachedAsync is the sequence
// (resources, versions, preconditions, then a write, a pass-through or a payload), and the members after it are its
// steps in about that order: resolving resources and switches, the payload build inside HybridCache's factory
// (GetOrBuildAsync, BuildOfThisRequest, BuildAsync), the row versions conditional writes need, and the writers of the
// 503, 200, 304/412 and pass-through responses. Split into files, one request's order would have to be pieced together
// again; the rules it applies already live elsewhere (Precondition, EntityTagFactory, ContentCodingNegotiator,
// CachingHeaders, RequestVariant, QueryParameters). The sequence, drawn: docs/caching.md.
using System.Diagnostics;
using System.Security.Claims;
using FPbase.Caching.Diagnostics;
using FPbase.Caching.Http.Shortcut;
using FPbase.Caching.Payloads;
using FPbase.Caching.Versions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FPbase.Caching.Http;

/// <summary>
/// The ETag filter. For endpoints with <see cref="CacheResourcesAttribute"/> metadata it reads the
/// resources' versions (from memory when it can), answers If-None-Match/If-Match with 304/412 before
/// the endpoint runs, and otherwise serves the payload bytes cached under the versioned key, building
/// them once per version by running the endpoint. It sits after authentication and authorization, so
/// those win over a 304. A write whose If-Match it cannot evaluate is refused, never run unchecked; for
/// <see cref="CacheResourcesAttribute.ConcurrencyToken"/> endpoints it hands the write the row version behind
/// the matching ETag (<see cref="RepresentationVersions"/>).
/// </summary>
internal sealed partial class HttpCachingMiddleware(
    RequestDelegate next,
    IResourceVersionStore store,
    HybridCache cache,
    IOptionsMonitor<HttpCachingOptions> options,
    ILogger<HttpCachingMiddleware> logger,
    CacheMetrics metrics,
    PayloadBuffers buffers,
    IServiceProvider services)
{
    private readonly string _defaultFormat = PayloadFormat.Compute(
        AppContext.BaseDirectory,
        services.GetService<Microsoft.AspNetCore.Hosting.IWebHostEnvironment>()?.WebRootFileProvider);

    /// <summary>A lookup that never builds nor stores: the value is there, or null.</summary>
    private static readonly HybridCacheEntryOptions LookupOnly = new()
    {
        Flags = HybridCacheEntryFlags.DisableUnderlyingData | HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCacheWrite,
    };

    public Task InvokeAsync(HttpContext context)
    {
        var metadata = context.GetEndpoint()?.Metadata.GetMetadata<CacheResourcesAttribute>();
        return metadata is null ? next(context) : InvokeCachedAsync(context, metadata);
    }

    private async Task InvokeCachedAsync(HttpContext context, CacheResourcesAttribute metadata)
    {
        var request = context.Request;
        var opts = options.CurrentValue;
        var name = metadata.Name ?? context.GetEndpoint()!.DisplayName ?? request.Path.Value ?? string.Empty;
        var headers = CachingHeaders.For(opts, metadata);
        var isRead = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || (metadata.PostIsSafe && HttpMethods.IsPost(request.Method));

        // The endpoint sees the query string its ETag and payload key hold, nothing else (see QueryParameters), with
        // what its headers choose (content negotiation) written in.
        if (request.QueryString.HasValue || metadata.Parameters.VaryHeaders.Count > 0)
        {
            request.QueryString = metadata.Parameters.Canonicalize(request);
        }
        var resources = ResolveResources(context, metadata);
        var variant = RequestVariant.Of(context);
        var settled = true;
        if (resources is not null && metadata.Resolver is { } resolverType)
        {
            var resolved = await ((IRequestResourceResolver)context.RequestServices.GetRequiredService(resolverType)).ResolveAsync(context).ConfigureAwait(false);
            if (resolved is null)
            {
                resources = null;
            }
            else
            {
                resources.AddRange(resolved.Resources);
                variant = RequestVariant.Of(context, resolved.Variant);
                settled = resolved.Settled;
            }
        }

        // A write naming versions in If-Match never runs unchecked (RFC 9110 §13.1.1): see RefuseUncheckedWriteAsync.
        var ifMatch = isRead ? IfMatchKind.Absent : Precondition.IfMatchOf(request);
        if (resources is null || resources.Count == 0)
        {
            Log.NotCacheable(logger, name, "its resources cannot be resolved for this request");
            if (ifMatch == IfMatchKind.Tags)
            {
                await RefuseUncheckedWriteAsync(context, name, headers, storeUnavailable: false).ConfigureAwait(false);
                return;
            }

            metrics.Answered(name, CacheMetrics.Outcomes.Bypass);
            await PassThroughAsync(context, null, headers.Uncached()).ConfigureAwait(false);
            return;
        }

        var (etagsOn, payloadsOn) = opts.SwitchesFor(resources);
        var stamp = etagsOn || payloadsOn ? await store.GetStampAsync(resources, context.RequestAborted).ConfigureAwait(false) : null;
        if (ifMatch == IfMatchKind.Tags && (stamp is null || !etagsOn))
        {
            await RefuseUncheckedWriteAsync(context, name, headers, storeUnavailable: etagsOn).ConfigureAwait(false);
            return;
        }

        if (stamp is null)
        {
            // No version can be trusted now: fresh data, no validator, never a 304.
            metrics.Answered(name, CacheMetrics.Outcomes.Bypass);
            await PassThroughAsync(context, null, headers.Uncached()).ConfigureAwait(false);
            return;
        }

        var coding = payloadsOn ? ContentCodingNegotiator.Choose(request) : ContentCoding.Identity;
        var format = opts.FormatVersion ?? _defaultFormat;
        var versionHash = EntityTagFactory.VersionHash(format, name, variant, stamp, UserOf(context, metadata));
        var etag = etagsOn ? EntityTagFactory.Create(versionHash, coding) : null;
        if (etag is not null && isRead && metadata.Resolver is null && metadata.Parameters.VaryHeaders.Count == 0 && !metadata.VaryByUser
            && context.Features.Get<ShortcutCandidate>() is { } candidate)
        {
            // The shortcut asked, and this answer's tag depends on the URL and the versions alone: it may learn it.
            candidate.Route = new ShortcutRoute(name, metadata, resources, variant, opts.FormatVersion, format);
        }

        var outcome = etag is null ? PreconditionOutcome.Proceed : Precondition.Evaluate(request, etag, versionHash, exists: metadata.AlwaysExists, isRead);
        if (outcome is PreconditionOutcome.NotModified or PreconditionOutcome.Failed)
        {
            await WritePreconditionAsync(context, name, outcome, headers, etag!).ConfigureAwait(false);
            return;
        }

        // Past the 304: what a 200 may tell the edge nodes (nothing a 304 or 412 needs).
        if (settled)
        {
            headers = headers.ForEdge(opts.Edge, resources);
        }

        if (!isRead)
        {
            // The tag matched the current version, but a concurrent write may commit before its bump reaches us: the
            // endpoint compares the row version behind this version's representation in its own transaction.
            if (ifMatch == IfMatchKind.Tags && metadata.ConcurrencyToken)
            {
                var rowVersion = await RowVersionOfAsync(versionHash, payloadsOn, context.RequestAborted).ConfigureAwait(false);
                if (rowVersion is null)
                {
                    Log.ConditionalWriteRefused(logger, name, "the row version behind the matching ETag is no longer known");
                    await WritePreconditionAsync(context, name, PreconditionOutcome.Failed, headers, etag!).ConfigureAwait(false);
                    return;
                }

                RepresentationVersions.Feature(context).IfMatch = rowVersion;
            }

            metrics.Answered(name, CacheMetrics.Outcomes.Write);
            await next(context).ConfigureAwait(false);
            return;
        }

        if (!payloadsOn)
        {
            metrics.Answered(name, CacheMetrics.Outcomes.Bypass);
            await PassThroughAsync(context, etag, headers).ConfigureAwait(false);
            if (metadata.ConcurrencyToken)
            {
                await KeepRowVersionAsync(context, versionHash).ConfigureAwait(false);
            }

            return;
        }

        var (entry, built) = await GetOrBuildAsync(context, name, PayloadEntry.KeyOf(versionHash), headers).ConfigureAwait(false);
        if (entry is null)
        {
            metrics.Answered(name, CacheMetrics.Outcomes.Bypass);
            return;
        }

        if (outcome == PreconditionOutcome.NeedsExistence)
        {
            // The row exists (it was built with 200): `*` can be answered now.
            outcome = Precondition.EvaluateExisting(request, etag!, versionHash, isRead);
            if (outcome is PreconditionOutcome.NotModified or PreconditionOutcome.Failed)
            {
                await WritePreconditionAsync(context, name, outcome, headers, etag!).ConfigureAwait(false);
                return;
            }
        }

        metrics.Answered(name, built ? CacheMetrics.Outcomes.Build : CacheMetrics.Outcomes.Payload);
        metrics.PayloadSent(name, entry, coding);
        await entry.WriteAsync(context, coding, etag, headers).ConfigureAwait(false);
    }

    private static List<string>? ResolveResources(HttpContext context, CacheResourcesAttribute metadata)
    {
        var resources = new List<string>(metadata.Templates.Count + 1);
        foreach (var template in metadata.Templates)
        {
            if (!template.TryResolve(context.Request.RouteValues, out var resource))
            {
                return null;
            }

            resources.Add(resource);
            if (template.Family is { } family && !resources.Contains(family))
            {
                resources.Add(family);
            }
        }

        return resources;
    }

    private static string? UserOf(HttpContext context, CacheResourcesAttribute metadata)
    {
        if (!metadata.VaryByUser)
        {
            return null;
        }

        var user = context.User;
        return user.Identity?.IsAuthenticated == true
            ? "user:" + (user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.Identity.Name)
            : "anonymous";
    }

    /// <summary>The payload, and whether this request built it; no payload when the response was sent otherwise.</summary>
    private async Task<(PayloadEntry? Entry, bool Built)> GetOrBuildAsync(HttpContext context, string name, string key, CachingHeaders headers)
    {
        var entryOptions = new HybridCacheEntryOptions
        {
            Expiration = options.CurrentValue.PayloadExpiration,
            LocalCacheExpiration = options.CurrentValue.PayloadExpiration,
        };
        var build = new BuildOfThisRequest();
        try
        {
            var entry = await cache.GetOrCreateAsync(
                key,
                (Self: this, Context: context, Name: name, Build: build),
                static (state, _) => state.Self.BuildAsync(state.Context, state.Name, state.Build),
                entryOptions,
                cancellationToken: context.RequestAborted).ConfigureAwait(false);
            return (entry, build.Started);
        }
        catch (CapturedResponseException captured) when (ReferenceEquals(captured.Context, context))
        {
            if (captured.EndpointException is { } endpointException)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(endpointException);
            }

            // Our own build answered something other than 200 (404, 400, a redirect, a 429): send it as it is, uncached.
            headers.Uncached().Apply(context.Response, null);
            await context.Response.Body.WriteAsync(captured.Body, context.RequestAborted).ConfigureAwait(false);
            return (null, false);
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted)
        {
            // Another request's build failed, or the cache itself did: build this response directly.
            if (ex is not CapturedResponseException and not OperationCanceledException)
            {
                Log.PayloadCacheFailed(logger, ex);
            }

            await PassThroughAsync(context, null, headers.Uncached()).ConfigureAwait(false);
            return (null, false);
        }
        finally
        {
            // A client that leaves stops our wait, not the build running on its request: the request must not end
            // (its scope disposed, its DbContext's connection back in the pool) while that build still uses it.
            await build.StopWaitingAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The build this request runs itself, if HybridCache chose it to build. When the request stops waiting
    /// (<see cref="StopWaitingAsync"/>), a build already running is waited for, and one not started yet never
    /// starts: either way, no build runs on a request that has ended.
    /// </summary>
    private sealed class BuildOfThisRequest
    {
        private const int Idle = 0, Building = 1, Closed = 2;
        private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _state;

        /// <summary>False when the request has already stopped waiting: the build must not run.</summary>
        public bool TryStart() => Interlocked.CompareExchange(ref _state, Building, Idle) == Idle;

        /// <summary>True once this request has started the build (HybridCache chose it to build).</summary>
        public bool Started => Volatile.Read(ref _state) == Building;

        public void Finish() => _finished.TrySetResult();

        public Task StopWaitingAsync()
            => Interlocked.CompareExchange(ref _state, Closed, Idle) == Idle ? Task.CompletedTask : _finished.Task;
    }

    private async ValueTask<PayloadEntry> BuildAsync(HttpContext context, string name, BuildOfThisRequest build)
    {
        if (!build.TryStart())
        {
            throw new OperationCanceledException("The request that would have built this payload has ended.");
        }

        try
        {
            var started = Stopwatch.GetTimestamp();
            var entry = await BuildAsync(context).ConfigureAwait(false);
            metrics.Built(name, Stopwatch.GetElapsedTime(started));
            return entry;
        }
        finally
        {
            build.Finish();
        }
    }

    private async ValueTask<PayloadEntry> BuildAsync(HttpContext context)
    {
        var response = context.Response;
        var original = response.Body;
        var method = context.Request.Method;
        using var buffer = buffers.Rent();
        response.Body = buffer;

        // The bytes are for every method that reads: build a HEAD's as for a GET, or a HEAD arriving
        // first would store an empty body (file results skip the body for HEAD) for everyone.
        if (HttpMethods.IsHead(method))
        {
            context.Request.Method = HttpMethods.Get;
        }

        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            throw new CapturedResponseException(context, [], ex);
        }
        finally
        {
            context.Request.Method = method;
            response.Body = original;
        }

        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContentEncoding.Count > 0)
        {
            throw new CapturedResponseException(context, PayloadBuffers.ToArray(buffer), null);
        }

        var identity = PayloadBuffers.ToArray(buffer);
        Log.PayloadBuilt(logger, context.GetEndpoint()?.DisplayName ?? string.Empty, identity.Length);
        var rowVersion = context.Features.Get<RepresentationVersionFeature>()?.Built;
        return PayloadCompressor.Create(buffers, response.ContentType ?? "application/octet-stream", identity, rowVersion);
    }

    /// <summary>
    /// The row version the representation of <paramref name="versionHash"/> was built from: kept in its payload entry,
    /// or (payloads switched off) under its own key by <see cref="KeepRowVersionAsync"/>. Null when not known here.
    /// </summary>
    private async ValueTask<string?> RowVersionOfAsync(string versionHash, bool payloadsOn, CancellationToken cancellationToken)
    {
        try
        {
            return payloadsOn
                ? (await cache.GetOrCreateAsync<PayloadEntry?>(PayloadEntry.KeyOf(versionHash), static _ => ValueTask.FromResult<PayloadEntry?>(null), LookupOnly, cancellationToken: cancellationToken).ConfigureAwait(false))?.RowVersion
                : await cache.GetOrCreateAsync<string?>("row-version:" + versionHash, static _ => ValueTask.FromResult<string?>(null), LookupOnly, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.PayloadCacheFailed(logger, ex);
            return null;
        }
    }

    /// <summary>Payloads switched off: keeps the row version a read reported, for the writes that name its ETag.</summary>
    private async Task KeepRowVersionAsync(HttpContext context, string versionHash)
    {
        if (context.Response.StatusCode != StatusCodes.Status200OK || context.Features.Get<RepresentationVersionFeature>()?.Built is not { } rowVersion)
        {
            return;
        }

        var expiration = options.CurrentValue.PayloadExpiration;
        try
        {
            await cache.SetAsync("row-version:" + versionHash, rowVersion, new HybridCacheEntryOptions { Expiration = expiration, LocalCacheExpiration = expiration }, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.PayloadCacheFailed(logger, ex);
        }
    }

    /// <summary>
    /// A write whose If-Match names versions that cannot be checked here. It must not run (RFC 9110 §13.1.1: a
    /// server that cannot establish that the condition holds must not perform the method). When ETags are switched
    /// off for a resource, or the request names no resources, the representation has no current entity tag, so no
    /// listed tag matches: 412 (§15.5.13). When the version store cannot answer, a current tag exists but cannot be
    /// computed now: 503 with Retry-After (§15.6.4), not 412, which would tell the client its copy is stale when we do
    /// not know that. A write without If-Match, or with only <c>*</c>, is not refused.
    /// </summary>
    private Task RefuseUncheckedWriteAsync(HttpContext context, string name, CachingHeaders headers, bool storeUnavailable)
    {
        if (!storeUnavailable)
        {
            Log.ConditionalWriteRefused(logger, name, "the representation has no current entity tag");
            return WritePreconditionAsync(context, name, PreconditionOutcome.Failed, headers, null);
        }

        Log.ConditionalWriteRefused(logger, name, "the resource versions are unavailable");
        metrics.Answered(name, CacheMetrics.Outcomes.PreconditionFailed);
        var response = context.Response;
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        headers.Uncached().Apply(response, null);
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(options.CurrentValue.BreakDuration.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.ContentType = "application/problem+json";
        return response.WriteAsync(
            """{"type":"https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4","title":"Service Unavailable","status":503,"detail":"The If-Match precondition cannot be checked now: the resource versions are unavailable. Nothing was changed. Retry shortly."}""",
            context.RequestAborted);
    }

    private Task WritePreconditionAsync(HttpContext context, string name, PreconditionOutcome outcome, CachingHeaders headers, string? etag)
    {
        var response = context.Response;
        metrics.Answered(name, outcome == PreconditionOutcome.NotModified ? CacheMetrics.Outcomes.NotModified : CacheMetrics.Outcomes.PreconditionFailed);
        if (outcome == PreconditionOutcome.NotModified)
        {
            headers.WriteNotModified(response, etag!);
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status412PreconditionFailed;
        headers.Uncached().Apply(response, etag);
        response.ContentType = "application/problem+json";
        return response.WriteAsync(
            """{"type":"https://www.rfc-editor.org/rfc/rfc9110#section-15.5.13","title":"Precondition Failed","status":412,"detail":"The resource's current ETag does not satisfy the request's If-Match or If-None-Match."}""",
            context.RequestAborted);
    }

    /// <summary>Runs the endpoint as is, with the policy's headers (and the ETag, if any) on a 200.</summary>
    private Task PassThroughAsync(HttpContext context, string? etag, CachingHeaders headers)
    {
        context.Response.OnStarting(static state =>
        {
            var (context, etag, headers) = ((HttpContext, string?, CachingHeaders))state;
            if (context.Response.StatusCode == StatusCodes.Status200OK)
            {
                headers.Apply(context.Response, etag);
            }
            else
            {
                headers.Uncached().Apply(context.Response, null);
            }

            return Task.CompletedTask;
        }, (context, etag, headers));
        return next(context);
    }
}

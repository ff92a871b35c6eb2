using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FPbase.Caching.Http;

/// <summary>
/// The caching headers of one cached endpoint for one request, resolved from the central policy; with edge nodes
/// (<see cref="EdgeCacheOptions"/>), also the two headers only they read: <c>xkey</c> and <c>Surrogate-Control</c>.
/// </summary>
internal readonly record struct CachingHeaders(string CacheControl, string Vary, bool PerUser, string? EdgeKeys = null, string? SurrogateControl = null)
{
    private const string VaryPublic = "Accept-Encoding";
    private const string VaryPerUser = "Accept-Encoding, Cookie, Authorization";

    public static CachingHeaders For(HttpCachingOptions options, CacheResourcesAttribute metadata)
    {
        // The validator refuses a FreshnessClass set with VaryByUser, or one the policy does not define.
        var freshnessClass = metadata.VaryByUser ? options.PrivateClass : metadata.FreshnessClass ?? options.DefaultClass;
        var cacheControl = options.FreshnessClasses.GetValueOrDefault(freshnessClass) ?? "no-cache";
        var vary = metadata.VaryByUser ? VaryPerUser : VaryPublic;
        if (metadata.Parameters.VaryHeaders is { Count: > 0 } negotiated)
        {
            // The headers that choose a representation (QueryParameters.VaryHeaders): Accept, for content negotiation.
            vary += ", " + string.Join(", ", negotiated);
        }

        return new CachingHeaders(cacheControl, vary, metadata.VaryByUser);
    }

    /// <summary>What to send when no validator can be trusted, or the response is not a 200: nothing an edge may keep.</summary>
    public CachingHeaders Uncached()
        => this with { CacheControl = PerUser ? "private, no-cache" : "no-cache", EdgeKeys = null, SurrogateControl = null };

    /// <summary>
    /// The same, marked for the edge nodes when there are any and the response is the same for everyone: they keep it
    /// for <see cref="EdgeCacheOptions.TimeToLive"/> and are purged by its resources' names.
    /// </summary>
    public CachingHeaders ForEdge(EdgeCacheOptions edge, IReadOnlyList<string> resources)
        => !edge.Enabled || PerUser || !CacheControl.Contains("public", StringComparison.OrdinalIgnoreCase)
            ? this
            : this with
            {
                EdgeKeys = Edge.EdgeKeys.Join(resources),
                SurrogateControl = "max-age=" + ((long)edge.TimeToLive.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            };

    /// <summary>The 304 of a revalidation that matched <paramref name="etag"/>, the current tag: status and <see cref="Apply"/>'s fields.</summary>
    public void WriteNotModified(HttpResponse response, string etag)
    {
        response.StatusCode = StatusCodes.Status304NotModified;
        Apply(response, etag);
    }

    /// <summary>
    /// RFC 9110 §15.4.5: a 304 carries the fields a 200 would have sent that matter for caches:
    /// ETag, Cache-Control, Vary (and Date, which the server adds to every response). A <c>no-store</c> the
    /// response already carries (a 429, an endpoint's own) is kept: nothing here makes a response storable.
    /// </summary>
    public void Apply(HttpResponse response, string? etag)
    {
        var headers = response.Headers;
        var noStore = headers.CacheControl.ToString().Contains("no-store", StringComparison.OrdinalIgnoreCase);
        if (!noStore)
        {
            headers.CacheControl = CacheControl;
        }

        if (EdgeKeys is not null && etag is not null && !noStore)
        {
            headers[Edge.EdgeKeys.ResponseHeader] = EdgeKeys;
            headers[Edge.EdgeKeys.SurrogateControlHeader] = SurrogateControl;
        }
        else
        {
            headers.Remove(Edge.EdgeKeys.ResponseHeader);
            headers.Remove(Edge.EdgeKeys.SurrogateControlHeader);
        }

        headers.Vary = Vary;
        if (etag is not null)
        {
            headers.ETag = etag;
        }
        else
        {
            headers.Remove(HeaderNames.ETag);
        }
    }
}

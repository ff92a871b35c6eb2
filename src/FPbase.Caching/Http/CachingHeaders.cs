using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FPbase.Caching.Http;

/// <summary>The caching headers of one cached endpoint for one request, resolved from the central policy.</summary>
internal readonly record struct CachingHeaders(string CacheControl, string Vary, bool PerUser)
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

    /// <summary>What to send when no validator can be trusted, or the response is not a 200.</summary>
    public CachingHeaders Uncached()
        => this with { CacheControl = PerUser ? "private, no-cache" : "no-cache" };

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
        if (!headers.CacheControl.ToString().Contains("no-store", StringComparison.OrdinalIgnoreCase))
        {
            headers.CacheControl = CacheControl;
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

using Microsoft.AspNetCore.Http;

namespace FPbase.Caching;

/// <summary>
/// Conditional writes checked in the write's own transaction, for endpoints marked
/// <see cref="CacheResourcesAttribute.ConcurrencyToken"/>. The ETag is computed from resource versions before the
/// endpoint runs, so it cannot say which row it was built from; the read reports that row version while the
/// payload is built, and it is kept with the payload. A write whose If-Match names a current ETag is then handed the
/// row version of that representation, to compare with the row in its transaction (a concurrency token): of two
/// writes sent with the same If-Match, the second to commit finds the row changed, and fails.
/// </summary>
public static class RepresentationVersions
{
    /// <summary>
    /// Read endpoints: the row version the response is built from. Read it before the data the response shows
    /// (as the middleware reads resource versions before the data): an older version with newer data can only make a
    /// later write fail needlessly, never succeed wrongly.
    /// </summary>
    public static void SetRepresentationVersion(this HttpContext context, string version)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrEmpty(version);
        Feature(context).Built = version;
    }

    /// <summary>
    /// Write endpoints: the row version of the representation the request's If-Match names, which the write must
    /// find unchanged in its transaction. Null when the request has no If-Match, or only <c>*</c>: nothing to compare.
    /// </summary>
    public static string? IfMatchRowVersion(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<RepresentationVersionFeature>()?.IfMatch;
    }

    internal static RepresentationVersionFeature Feature(HttpContext context)
    {
        var feature = context.Features.Get<RepresentationVersionFeature>();
        if (feature is null)
        {
            feature = new RepresentationVersionFeature();
            context.Features.Set(feature);
        }

        return feature;
    }
}

/// <summary>What <see cref="RepresentationVersions"/> carries between the endpoint and the caching middleware.</summary>
internal sealed class RepresentationVersionFeature
{
    public string? Built { get; set; }

    public string? IfMatch { get; set; }
}

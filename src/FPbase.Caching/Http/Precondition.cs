using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace FPbase.Caching.Http;

internal enum PreconditionOutcome
{
    /// <summary>Serve the request normally.</summary>
    Proceed,

    /// <summary>304 Not Modified (GET and HEAD).</summary>
    NotModified,

    /// <summary>412 Precondition Failed.</summary>
    Failed,

    /// <summary><c>*</c> was asked of a per-row response: it can only be answered once we know the row exists.</summary>
    NeedsExistence,
}

/// <summary>What a request's If-Match asks for.</summary>
internal enum IfMatchKind
{
    /// <summary>No If-Match: nothing to check.</summary>
    Absent,

    /// <summary><c>*</c>: only that a current representation exists; no version is named.</summary>
    Any,

    /// <summary>One or more entity tags (or a malformed value, which matches nothing).</summary>
    Tags,
}

/// <summary>
/// Evaluates If-Match and If-None-Match in the order of RFC 9110 §13.2.2. We send no Last-Modified,
/// so If-Unmodified-Since and If-Modified-Since are ignored (and §13.1.3 says to ignore
/// If-Modified-Since whenever If-None-Match is present). A malformed header matches nothing.
/// </summary>
internal static class Precondition
{
    /// <param name="request">The request whose If-Match and If-None-Match are evaluated.</param>
    /// <param name="etag">The tag of the representation this request would get (its content-coding's).</param>
    /// <param name="versionHash">
    /// The version behind every coding's tag. If-Match asks whether the resource is still the version
    /// the client saw, whichever coding it saw it in, so any coding's tag of this version matches.
    /// </param>
    /// <param name="exists">
    /// Whether a current representation always exists (a list: <see cref="CacheResourcesAttribute.AlwaysExists"/>).
    /// When false, a <c>*</c> is answered <see cref="PreconditionOutcome.NeedsExistence"/>.
    /// </param>
    /// <param name="isSafe">GET or HEAD (or a safe POST): a matching If-None-Match is a 304, else a 412.</param>
    public static PreconditionOutcome Evaluate(HttpRequest request, string etag, string versionHash, bool exists, bool isSafe)
    {
        var headers = request.Headers;
        var ifMatch = headers.IfMatch;
        if (!StringValues.IsNullOrEmpty(ifMatch))
        {
            // §13.1.1: strong comparison.
            var match = Matches(ifMatch, etag, versionHash, useStrongComparison: true);
            if (match == Match.Star && !exists)
            {
                return PreconditionOutcome.NeedsExistence;
            }

            if (match == Match.None)
            {
                return PreconditionOutcome.Failed;
            }
        }

        var ifNoneMatch = headers.IfNoneMatch;
        if (!StringValues.IsNullOrEmpty(ifNoneMatch))
        {
            // §13.1.2: weak comparison.
            var match = Matches(ifNoneMatch, etag, versionHash: null, useStrongComparison: false);
            if (match == Match.Star && !exists)
            {
                return PreconditionOutcome.NeedsExistence;
            }

            if (match != Match.None)
            {
                return isSafe ? PreconditionOutcome.NotModified : PreconditionOutcome.Failed;
            }
        }

        return PreconditionOutcome.Proceed;
    }

    /// <summary>Whether the request has If-Match, and whether it names versions or only <c>*</c>.</summary>
    public static IfMatchKind IfMatchOf(HttpRequest request)
    {
        var ifMatch = request.Headers.IfMatch;
        if (StringValues.IsNullOrEmpty(ifMatch))
        {
            return IfMatchKind.Absent;
        }

        return EntityTagHeaderValue.TryParseStrictList(ifMatch, out var tags) && tags.Any(t => t.Equals(EntityTagHeaderValue.Any))
            ? IfMatchKind.Any
            : IfMatchKind.Tags;
    }

    /// <summary>Re-evaluates after the row is known to exist (it was built with 200).</summary>
    public static PreconditionOutcome EvaluateExisting(HttpRequest request, string etag, string versionHash, bool isSafe)
        => Evaluate(request, etag, versionHash, exists: true, isSafe);

    private static bool IsTagOfVersion(StringSegment tag, string versionHash)
    {
        var value = tag.AsSpan();
        if (value.Length < versionHash.Length + 2 || value[0] != '"' || !value[1..].StartsWith(versionHash, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = value[(versionHash.Length + 1)..];
        return rest is "\"" or "-gzip\"" or "-br\"";
    }

    private enum Match
    {
        None,
        Tag,
        Star,
    }

    private static Match Matches(StringValues header, string etag, string? versionHash, bool useStrongComparison)
    {
        // Lists, several header lines and W/ forms all parse here; anything malformed is no match.
        if (!EntityTagHeaderValue.TryParseStrictList(header, out var tags))
        {
            return Match.None;
        }

        foreach (var tag in tags)
        {
            if (tag.Equals(EntityTagHeaderValue.Any))
            {
                return Match.Star;
            }

            // Our tags are strong: the weak function ignores W/, the strong one refuses it.
            if (useStrongComparison && tag.IsWeak)
            {
                continue;
            }

            if (tag.Tag.Equals(etag, StringComparison.Ordinal) || (versionHash is not null && IsTagOfVersion(tag.Tag, versionHash)))
            {
                return Match.Tag;
            }
        }

        return Match.None;
    }
}

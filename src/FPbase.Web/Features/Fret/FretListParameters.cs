using FPbase.Caching;

namespace FPbase.Web.Features.Fret;

/// <summary>
/// The query of <c>/api/fret/</c>: <c>page</c>, 1-based, of <see cref="PageSize"/> pairs (default 1, so <c>?page=1</c>
/// and no query share one cached page). At the default seed the whole list is about 210,000 pairs, some 60 MB of
/// FPbase's JSON: more than one response should carry or the payload cache keeps (32 MiB at most).
/// </summary>
public sealed class FretListParameters() : QueryParameters(Page + "=1")
{
    public const string Page = "page";

    /// <summary>Pairs per page: about 1.4 MB of JSON, 180 KB gzipped.</summary>
    public const int PageSize = 5000;
}

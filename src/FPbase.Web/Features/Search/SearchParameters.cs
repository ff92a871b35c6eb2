using FPbase.Caching;
using FPbase.Web.Features.Shared.Filtering;

namespace FPbase.Web.Features.Search;

/// <summary>
/// The query parameters of <c>/search/</c>: <c>q</c> (FPbase also reads <c>query</c>, its common misspelling, which is the
/// same parameter here), <c>display</c> (<c>l</c>, cards, the default; <c>t</c>, a table) and the protein filters of the
/// API (<see cref="ProteinFilters"/>: one filter language for the API and the search). A name shaped like a filter that
/// is not one is kept, so the page answers it with a 400 instead of ignoring it; anything else is dropped.
/// </summary>
internal sealed class SearchParameters : QueryParameters
{
    public const string Q = "q";
    public const string Display = "display";
    public const string Cards = "l";
    public const string Table = "t";

    public SearchParameters()
        : base(Q, Display + "=" + Cards)
    {
    }

    protected override string? Declares(string name)
        => name == "query" ? Q : base.Declares(name) ?? (ProteinFilters.Set.Contains(name) || name.Contains("__", StringComparison.Ordinal) ? name : null);

    /// <summary><c>q</c> is trimmed (an all-blank one is no query).</summary>
    protected override string? Canonical(string name, string value)
        => name == Q ? (value.Trim() is { Length: > 0 } trimmed ? trimmed : null) : base.Canonical(name, value);
}

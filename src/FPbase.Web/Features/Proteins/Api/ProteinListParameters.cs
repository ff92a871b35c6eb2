using FPbase.Caching;
using FPbase.Web.Features.Shared;
using FPbase.Web.Features.Shared.Filtering;

namespace FPbase.Web.Features.Proteins.Api;

/// <summary>
/// The query parameters of the protein lists: <c>format</c> (default <c>json</c>) and the filters of
/// <see cref="ProteinFilters"/>. A name shaped like a filter (<c>field__lookup</c>) that is not one is kept too, so
/// that <see cref="ApiQuery"/> answers a mistyped filter with a 400 instead of the whole list; any other parameter
/// (a cache buster such as jQuery's <c>_</c>) is ignored, as FPbase ignores it.
/// </summary>
internal class ProteinListParameters : QueryParameters
{
    public ProteinListParameters()
        : this(ApiQuery.Json)
    {
    }

    /// <summary>The parameters with <paramref name="defaultFormat"/> as the format's default.</summary>
    protected ProteinListParameters(string defaultFormat)
        : base(ApiQuery.FormatParameter + "=" + defaultFormat)
    {
    }

    protected override string? Declares(string name)
        => base.Declares(name) ?? (ProteinFilters.Set.Contains(name) || name.Contains("__", StringComparison.Ordinal) ? name : null);
}

using FPbase.Caching;

namespace FPbase.Web.Features.Search;

/// <summary>
/// <c>/autocomplete-protein/</c>'s parameters, as django-autocomplete-light reads them: <c>q</c> (lower-cased: the match
/// is case-insensitive, so <c>EGF</c> and <c>egf</c> share one cached answer), <c>page</c> (default 1) and <c>type</c>
/// (<c>spectra</c>: only proteins with spectra).
/// </summary>
internal sealed class AutocompleteParameters : QueryParameters
{
    public const string Q = "q";
    public const string Page = "page";
    public const string Type = "type";
    public const string WithSpectra = "spectra";

    public AutocompleteParameters()
        : base(Q, Page + "=1", Type)
    {
    }

    protected override string? Canonical(string name, string value)
        => name == Q ? (value.Trim() is { Length: > 0 } trimmed ? trimmed.ToLowerInvariant() : null) : base.Canonical(name, value);
}

using FPbase.Data.Entities;

namespace FPbase.Web.Features.Search;

/// <summary>One protein of the results: its default state's photophysics, as the cards and the table show them.</summary>
public sealed record SearchResult(
    string Name,
    string Slug,
    string Uuid,
    int? ExMax,
    int? EmMax,
    string EmHex,
    int? ExtCoeff,
    double? Qy,
    double? Brightness,
    double? Pka,
    double? Maturation,
    Aggregation? Agg,
    SwitchType? SwitchType,
    int? Year,
    int States);

/// <summary>An organism of the form's drop-down.</summary>
public sealed record SearchOrganism(int Id, string Name);

/// <summary>
/// The search page: the form (with what was asked), and, once something was asked, the results (at most
/// <see cref="SearchController.MaxResults"/> of <see cref="Total"/>) or, when there are none and a name was asked for,
/// the near matches.
/// </summary>
public sealed record SearchPage(
    IReadOnlyDictionary<string, string> Asked,
    IReadOnlyList<SearchOrganism> Organisms,
    bool Searched,
    int Total,
    IReadOnlyList<SearchResult> Results,
    IReadOnlyList<SearchResult> NearMatches,
    bool AsTable)
{
    public string Value(string name) => Asked.TryGetValue(name, out var value) ? value : "";
}

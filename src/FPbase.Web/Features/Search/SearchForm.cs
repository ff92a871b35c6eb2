using FPbase.Data.Entities;
using FPbase.Web.Features.Proteins.Page;

namespace FPbase.Web.Features.Search;

/// <summary>What a row of the search form asks for.</summary>
internal enum SearchFieldKind
{
    /// <summary>One text box, the filter named <see cref="SearchField.Name"/>.</summary>
    Text,

    /// <summary>Two number boxes, <c>{Name}__gte</c> and <c>{Name}__lte</c>.</summary>
    Range,

    /// <summary>A drop-down of <see cref="SearchField.Choices"/>.</summary>
    Choice,

    /// <summary>A drop-down of the organisms that have visible proteins.</summary>
    Organism,
}

/// <summary>One row of the search form: its label, the filter (or field, for ranges) it fills, and its choices.</summary>
internal sealed record SearchField(string Label, string Name, SearchFieldKind Kind, IReadOnlyList<(string Code, string Label)>? Choices = null)
{
    public string Min => Name + "__gte";

    public string Max => Name + "__lte";

    /// <summary>The query parameters the row fills.</summary>
    public IEnumerable<string> Parameters => Kind == SearchFieldKind.Range ? [Min, Max] : [Name];
}

/// <summary>
/// The rows of the search form, over the fields FPbase's query builder offers (its labels), each a filter of the
/// API's language (<see cref="Shared.Filtering.ProteinFilters"/>): the form sends nothing the API would not accept.
/// A GET form: the results are a URL, linkable and cacheable; empty boxes are dropped from the cache key.
/// </summary>
internal static class SearchForm
{
    public static readonly IReadOnlyList<SearchField> Fields =
    [
        new("Name or alias contains", "name__icontains", SearchFieldKind.Text),
        new("Excitation maximum (nm)", "default_state__ex_max", SearchFieldKind.Range),
        new("Emission maximum (nm)", "default_state__em_max", SearchFieldKind.Range),
        new("Brightness", "default_state__brightness", SearchFieldKind.Range),
        new("Quantum yield", "default_state__qy", SearchFieldKind.Range),
        new("Extinction coefficient", "default_state__ext_coeff", SearchFieldKind.Range),
        new("pKa", "default_state__pka", SearchFieldKind.Range),
        new("Maturation (min)", "default_state__maturation", SearchFieldKind.Range),
        new("Lifetime (ns)", "default_state__lifetime", SearchFieldKind.Range),
        new("Photostability (s)", "default_state__bleach_measurements__rate", SearchFieldKind.Range),
        new("Year published", "primary_reference__year", SearchFieldKind.Range),
        new("Oligomerization", "agg", SearchFieldKind.Choice, Choices<Aggregation>(a => Display.Of(a))),
        new("Switching type", "switch_type", SearchFieldKind.Choice, Choices<SwitchType>(s => Display.Of(s))),
        new("Cofactor", "cofactor", SearchFieldKind.Choice,
            [("br", "Bilirubin"), ("bv", "Biliverdin"), ("fl", "Flavin"), ("pc", "Phycocyanobilin"), ("rl", "ribityl-lumazine")]),
        new("Parental organism", "parent_organism", SearchFieldKind.Organism),
        new("Author (family name) contains", "primary_reference__author__family__icontains", SearchFieldKind.Text),
        new("Sequence contains", "seq__icontains", SearchFieldKind.Text),
    ];

    private static IReadOnlyList<(string, string)> Choices<TEnum>(Func<TEnum, string> label)
        where TEnum : struct, Enum
        => FpbaseCodes.Codes<TEnum>().Select(code => (code, label(FpbaseCodes.Parse<TEnum>(code)))).ToList();
}

using FPbase.Web.Features.Spectra.Images;

namespace FPbase.Web.Features.Compare;

/// <summary>The comparison: the proteins found, in the order asked, the slugs not found, and the overlaid spectra.</summary>
public sealed record ComparePage(IReadOnlyList<ComparedProtein> Proteins, IReadOnlyList<string> Missing, SpectraPlot Spectra);

/// <summary>One column of the comparison: a protein and its default state's attributes.</summary>
public sealed record ComparedProtein(
    string Name,
    string Slug,
    int? ExMax,
    int? EmMax,
    string? EmHex,
    int? ExtCoeff,
    double? Qy,
    double? Brightness,
    double? Pka,
    double? Maturation,
    double? Lifetime,
    FPbase.Data.Entities.Aggregation? Agg,
    FPbase.Data.Entities.SwitchType? SwitchType,
    string Organism,
    int? OrganismId,
    string Cofactor,
    int? Length);

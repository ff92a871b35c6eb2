namespace FPbase.Data.Domain.Fret;

/// <summary>
/// What the Förster list shows of one protein: its default state's photophysics, as FPbase's <c>forster_list</c>
/// reads them, and whether FPbase would list it at all (monomeric and basic, <see cref="Listable"/>).
/// </summary>
public sealed record FretProtein(
    string Slug,
    string Name,
    string Cofactor,
    bool Listable,
    int? ExMax,
    int? EmMax,
    double? Qy,
    int? ExtCoeff);

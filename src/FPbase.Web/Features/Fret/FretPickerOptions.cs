using FPbase.Data.Domain.Fret;

namespace FPbase.Web.Features.Fret;

/// <summary>
/// The proteins the calculator's picker offers, by name: donors have an emission spectrum and a QY, acceptors an
/// absorption or excitation spectrum and an extinction coefficient (what <see cref="Forster.Pair"/> needs).
/// </summary>
internal sealed record FretPickerOptions(IReadOnlyList<FretProtein> Donors, IReadOnlyList<FretProtein> Acceptors)
{
    public static FretPickerOptions Of(IReadOnlyList<FretFluor> fluors) => new(
        fluors.Where(f => f.Emission is not null && f.Protein.Qy is { } qy && qy != 0).Select(f => f.Protein).ToArray(),
        fluors.Where(f => f.Absorption is not null && f.Protein.ExtCoeff is { } ec && ec != 0).Select(f => f.Protein).ToArray());
}

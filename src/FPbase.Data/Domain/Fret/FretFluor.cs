namespace FPbase.Data.Domain.Fret;

/// <summary>
/// One protein as a FRET donor or acceptor: its <see cref="FretProtein"/> facts, its default state's emission
/// spectrum (the donor's side), and its absorption spectrum, or the excitation spectrum when it has none (the
/// acceptor's side, as FPbase's <c>calculate_spectral_overlap</c> prefers them).
/// </summary>
public sealed record FretFluor(FretProtein Protein, GridSpectrum? Emission, GridSpectrum? Absorption);

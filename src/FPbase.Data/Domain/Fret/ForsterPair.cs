namespace FPbase.Data.Domain.Fret;

/// <summary>
/// One donor/acceptor pair with FPbase's columns: the overlap integral J in units of 10^15 M^-1 cm^-1 nm^4
/// (<see cref="Overlap"/>), the Förster radius R0 in Å (<see cref="Forster"/>) and R0 × the acceptor's QY
/// (<see cref="ForsterQya"/>), each rounded to 2 decimals as FPbase rounds them; the peaks and the emission
/// distance come from the proteins. A value type: the list holds no object per pair besides the proteins.
/// </summary>
public readonly record struct ForsterPair(FretProtein Donor, FretProtein Acceptor, double Overlap, double Forster, double? ForsterQya)
{
    /// <summary>FPbase's <c>emdist</c>: acceptor em_max − donor em_max, when both are known.</summary>
    public int? EmDistance => Acceptor.EmMax - Donor.EmMax;
}

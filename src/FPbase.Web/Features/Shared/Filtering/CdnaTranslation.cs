using FPbase.Web.Features.Shared;

namespace FPbase.Web.Features.Shared.Filtering;

/// <summary>
/// In-frame translation of a cDNA sequence with the standard genetic code (NCBI table 1), for
/// FPbase's <c>seq__cdna_contains</c> filter. A trailing partial codon is dropped; stops are <c>*</c>.
/// </summary>
internal static class CdnaTranslation
{
    // Amino acids of the 64 codons, bases ordered T, C, A, G (first base slowest).
    private const string Table = "FFLLSSSSYY**CC*WLLLLPPPPHHQQRRRRIIIMTTTTNNKKSSRRVVVVAAAADDEEGGGG";
    private const string Bases = "TCAG";

    /// <summary>The protein sequence, or a <see cref="FilterValueException"/> for anything but A, C, G, T (spaces and line breaks are ignored).</summary>
    public static string Translate(string cdna)
    {
        var bases = new string(cdna.Where(c => !char.IsWhiteSpace(c)).Select(char.ToUpperInvariant).ToArray());
        if (bases.Length < 3 || bases.Any(c => !Bases.Contains(c, StringComparison.Ordinal)))
        {
            throw new FilterValueException("Enter a cDNA sequence of at least one codon, with only A, C, G and T.");
        }

        var protein = new char[bases.Length / 3];
        for (var i = 0; i < protein.Length; i++)
        {
            var index = (Bases.IndexOf(bases[3 * i], StringComparison.Ordinal) * 16)
                + (Bases.IndexOf(bases[(3 * i) + 1], StringComparison.Ordinal) * 4)
                + Bases.IndexOf(bases[(3 * i) + 2], StringComparison.Ordinal);
            protein[i] = Table[index];
        }

        return new string(protein);
    }
}

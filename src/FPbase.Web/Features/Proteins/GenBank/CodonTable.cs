namespace FPbase.Web.Features.Proteins.GenBank;

/// <summary>
/// The standard genetic code (NCBI translation table 1), to read a nucleotide record as the protein it codes for, as
/// FPbase does: from the first base, in frame, stop codons at either end dropped. A codon with an ambiguous base reads as X.
/// </summary>
internal static class CodonTable
{
    // Codons in the order TTT, TTC, TTA, TTG, TCT, ... (bases T, C, A, G), as NCBI prints the table.
    private const string Standard = "FFLLSSSSYY**CC*WLLLLPPPPHHQQRRRRIIIMTTTTNNKKSSRRVVVVAAAADDEEGGGG";

    public static string Translate(string nucleotides)
    {
        var protein = new char[nucleotides.Length / 3];
        for (var i = 0; i < protein.Length; i++)
        {
            var a = Base(nucleotides[3 * i]);
            var b = Base(nucleotides[(3 * i) + 1]);
            var c = Base(nucleotides[(3 * i) + 2]);
            protein[i] = a < 0 || b < 0 || c < 0 ? 'X' : Standard[(a * 16) + (b * 4) + c];
        }

        return new string(protein).Trim('*');
    }

    private static int Base(char c) => char.ToUpperInvariant(c) switch
    {
        'T' or 'U' => 0,
        'C' => 1,
        'A' => 2,
        'G' => 3,
        _ => -1,
    };
}

using System.Text.RegularExpressions;

namespace FPbase.Web.Features.Proteins.GenBank;

/// <summary>The two Entrez databases a GenBank accession can name.</summary>
internal enum EntrezDatabase
{
    Protein,
    Nuccore,
}

/// <summary>
/// Which Entrez database an accession belongs to, from its shape (NCBI's accession prefixes): a protein accession
/// (three letters and five or seven digits, or a RefSeq protein such as <c>NP_</c>/<c>XP_</c>/<c>WP_</c>) is fetched
/// from <c>protein</c>; a nucleotide one (one letter and five digits, two letters and six or eight, or a RefSeq
/// transcript) from <c>nuccore</c>, and translated. Anything else (an old GI number, a typo) is never asked for.
/// The accession is kept as written, upper-cased, with its version if it has one.
/// </summary>
internal static partial class GenBankAccession
{
    public static bool TryParse(string? value, out string accession, out EntrezDatabase database)
    {
        accession = (value ?? string.Empty).Trim().ToUpperInvariant();
        database = EntrezDatabase.Protein;
        if (ProteinPattern().IsMatch(accession))
        {
            return true;
        }

        database = EntrezDatabase.Nuccore;
        if (NucleotidePattern().IsMatch(accession))
        {
            return true;
        }

        accession = string.Empty;
        return false;
    }

    /// <summary>The accession without its version (<c>AAB02572.1</c> → <c>AAB02572</c>), as Entrez's FASTA headers are matched.</summary>
    public static string WithoutVersion(string accession)
    {
        var dot = accession.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? accession : accession[..dot];
    }

    [GeneratedRegex(@"^(?:[A-Z]{3}\d{5}|[A-Z]{3}\d{7}|(?:NP|XP|YP|WP|AP)_\d{6,9})(?:\.\d{1,3})?$", RegexOptions.CultureInvariant)]
    private static partial Regex ProteinPattern();

    [GeneratedRegex(@"^(?:[A-Z]\d{5}|[A-Z]{2}\d{6}|[A-Z]{2}\d{8}|(?:NM|XM|NR|XR|NC|NG|NT|NW|NZ|AC)_\d{6,9})(?:\.\d{1,3})?$", RegexOptions.CultureInvariant)]
    private static partial Regex NucleotidePattern();
}

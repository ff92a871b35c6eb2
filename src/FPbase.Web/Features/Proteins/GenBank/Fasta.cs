using System.Text;

namespace FPbase.Web.Features.Proteins.GenBank;

/// <summary>
/// Reads Entrez's <c>rettype=fasta</c> text: records of a <c>&gt;</c> header line (the accession, with its version, is
/// the first word; old-style headers carry it after <c>gb|</c>, <c>emb|</c>, <c>dbj|</c> or <c>ref|</c>) and sequence
/// lines. Anything else (an HTML error page, a JSON error, a header without residues, characters that are no residues)
/// is <see cref="EntrezFormatException"/>: a malformed answer says nothing about which accessions exist.
/// </summary>
internal static class Fasta
{
    /// <summary>The records by accession without version, upper-cased.</summary>
    public static Dictionary<string, string> Parse(string text)
    {
        var records = new Dictionary<string, string>(StringComparer.Ordinal);
        string? accession = null;
        var sequence = new StringBuilder();
        var lineNumber = 0;
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.IsEmpty)
            {
                continue;
            }

            if (line[0] == '>')
            {
                Close(records, accession, sequence);
                accession = AccessionOf(line[1..].ToString(), lineNumber);
                continue;
            }

            if (accession is null)
            {
                throw new EntrezFormatException($"line {lineNumber} is not part of a FASTA record: '{Excerpt(line)}'");
            }

            foreach (var c in line)
            {
                if (!char.IsAsciiLetter(c) && c != '*' && c != '-')
                {
                    throw new EntrezFormatException($"line {lineNumber} holds '{c}', which is no residue");
                }
            }

            sequence.Append(line);
        }

        Close(records, accession, sequence);
        return records;
    }

    private static void Close(Dictionary<string, string> records, string? accession, StringBuilder sequence)
    {
        if (accession is null)
        {
            return;
        }

        if (sequence.Length == 0)
        {
            throw new EntrezFormatException($"the record of {accession} has no residues");
        }

        records[accession] = sequence.ToString().ToUpperInvariant();
        sequence.Clear();
    }

    private static string AccessionOf(string header, int lineNumber)
    {
        var first = header.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
        if (first.Contains('|', StringComparison.Ordinal))
        {
            var parts = first.Split('|');
            var tag = Array.FindIndex(parts, p => p is "gb" or "emb" or "dbj" or "ref" or "sp" or "pir" or "prf");
            first = tag >= 0 && tag + 1 < parts.Length ? parts[tag + 1] : string.Empty;
        }

        if (first.Length == 0)
        {
            throw new EntrezFormatException($"the header on line {lineNumber} names no accession");
        }

        return GenBankAccession.WithoutVersion(first.ToUpperInvariant());
    }

    private static string Excerpt(ReadOnlySpan<char> line) => line.Length <= 40 ? line.ToString() : line[..40].ToString() + "…";
}

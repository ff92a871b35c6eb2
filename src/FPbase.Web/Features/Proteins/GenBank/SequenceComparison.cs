using System.Globalization;

namespace FPbase.Web.Features.Proteins.GenBank;

/// <summary>
/// How the protein's sequence compares with its GenBank record, as FPbase checks it: identical, or the substitutions
/// that turn ours into GenBank's (<c>L64F</c>: ours has L at position 64, GenBank F), or a difference in length.
/// </summary>
public sealed record SequenceComparison(bool Identical, IReadOnlyList<string> Substitutions, int OurLength, int GenBankLength)
{
    public const int MaxListed = 40;

    public bool SameLength => OurLength == GenBankLength;

    public static SequenceComparison? Of(string? ours, string? genBank)
    {
        if (string.IsNullOrWhiteSpace(ours) || genBank is null)
        {
            return null;
        }

        var a = Normalize(ours);
        var b = Normalize(genBank);
        if (a == b)
        {
            return new SequenceComparison(true, [], a.Length, b.Length);
        }

        var substitutions = new List<string>();
        if (a.Length == b.Length)
        {
            for (var i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                {
                    substitutions.Add(string.Create(CultureInfo.InvariantCulture, $"{a[i]}{i + 1}{b[i]}"));
                }
            }
        }

        return new SequenceComparison(false, substitutions, a.Length, b.Length);
    }

    private static string Normalize(string sequence)
        => new string(sequence.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant().Trim('*');
}

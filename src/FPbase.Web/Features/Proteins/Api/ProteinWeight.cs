using System.Collections.Frozen;
using FPbase.Web.Features.Shared;

namespace FPbase.Web.Features.Proteins.Api;

/// <summary>
/// Average molecular weight of a protein sequence in kDa, rounded to 2 places, as FPbase computes it:
/// the sum of the free amino acids' average masses less one water per peptide bond. Null for no
/// sequence or one with an ambiguous letter.
/// </summary>
internal static class ProteinWeight
{
    private const double Water = 18.0153;

    // Average masses (Da) of the free amino acids.
    private static readonly FrozenDictionary<char, double> Masses = new Dictionary<char, double>
    {
        ['A'] = 89.0932, ['C'] = 121.1582, ['D'] = 133.1027, ['E'] = 147.1293, ['F'] = 165.1891,
        ['G'] = 75.0666, ['H'] = 155.1546, ['I'] = 131.1729, ['K'] = 146.1876, ['L'] = 131.1729,
        ['M'] = 149.2113, ['N'] = 132.1179, ['O'] = 255.3134, ['P'] = 115.1305, ['Q'] = 146.1445,
        ['R'] = 174.201, ['S'] = 105.0926, ['T'] = 119.1192, ['U'] = 168.0532, ['V'] = 117.1463,
        ['W'] = 204.2252, ['Y'] = 181.1885,
    }.ToFrozenDictionary();

    public static double? KiloDaltons(string? sequence)
    {
        if (string.IsNullOrEmpty(sequence))
        {
            return null;
        }

        var sum = 0.0;
        foreach (var residue in sequence)
        {
            if (!Masses.TryGetValue(residue, out var mass))
            {
                return null;
            }

            sum += mass;
        }

        return Math.Round((sum - ((sequence.Length - 1) * Water)) / 1000, 2);
    }
}

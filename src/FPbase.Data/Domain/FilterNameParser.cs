using System.Text.RegularExpressions;
using FPbase.Data.Entities;

namespace FPbase.Data.Domain;

/// <summary>What can be read off a filter's name or part number.</summary>
public readonly record struct ParsedFilterName(int? Bandcenter, int? Bandwidth, double? Edge, SpectrumSubtype Subtype);

/// <summary>
/// Filter-name parsing. Bandcenter/bandwidth follow FPbase's <c>Filter.save</c>: only for names with exactly
/// one "/", the digits among the last four characters before the slash and the first four after it
/// (<c>ET525/50m</c> → 525/50, <c>FF01-562/40</c> → 562/40). Edges (not parsed by FPbase) come from the first
/// free-standing 3–4 digit number of long-pass, short-pass and dichroic names (<c>T425lpxr</c> → 425,
/// <c>FF495-Di03</c> → 495). The subtype guess follows FPbase's Chroma/Semrock importers.
/// </summary>
public static partial class FilterNameParser
{
    public static ParsedFilterName Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var subtype = GuessSubtype(name);
        int? center = null, width = null;
        double? edge = null;

        if (name.Count(c => c == '/') == 1)
        {
            var slash = name.IndexOf('/', StringComparison.Ordinal);
            var before = name[..slash];
            var after = name[(slash + 1)..].Split(' ')[0];
            center = DigitsOf(before.Length > 4 ? before[^4..] : before);
            width = DigitsOf(after.Length > 4 ? after[..4] : after);
        }
        else if (subtype is SpectrumSubtype.LongPass or SpectrumSubtype.ShortPass or SpectrumSubtype.Beamsplitter
                 && !name.Contains('/', StringComparison.Ordinal))
        {
            foreach (Match m in Wavelength().Matches(name))
            {
                var v = int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture);
                if (v is >= 300 and <= 1600)
                {
                    edge = v;
                    break;
                }
            }
        }

        return new ParsedFilterName(center, width, edge, subtype);
    }

    /// <summary>Filter spectrum subtype guessed from a name or part number.</summary>
    public static SpectrumSubtype GuessSubtype(string name)
    {
        var part = name.Trim();
        var space = part.LastIndexOf(' ');
        if (space >= 0)
        {
            part = part[(space + 1)..]; // drop the manufacturer prefix ("Chroma ET525/50m")
        }

        var lower = part.ToLowerInvariant();
        if (lower.Count(c => c == '/') > 1 || lower.Contains("di", StringComparison.Ordinal)
            || lower.Contains("dc", StringComparison.Ordinal) || lower.Contains("bs", StringComparison.Ordinal)
            || lower.Contains("pc", StringComparison.Ordinal))
        {
            return SpectrumSubtype.Beamsplitter;
        }

        if (lower.Contains("lp", StringComparison.Ordinal))
        {
            return SpectrumSubtype.LongPass;
        }

        if (lower.Contains("sp", StringComparison.Ordinal))
        {
            return SpectrumSubtype.ShortPass;
        }

        if (lower.Contains('/', StringComparison.Ordinal))
        {
            if (lower.EndsWith('m'))
            {
                return SpectrumSubtype.BandpassEmission;
            }

            if (lower.EndsWith('x') || lower.EndsWith("bp", StringComparison.Ordinal))
            {
                return SpectrumSubtype.BandpassExcitation;
            }
        }

        return SpectrumSubtype.Bandpass;
    }

    private static int? DigitsOf(string s)
    {
        var digits = new string(s.Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 0 ? null : int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"(?<!\d)\d{3,4}(?!\d)")]
    private static partial Regex Wavelength();
}

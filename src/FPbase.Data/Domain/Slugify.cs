using System.Globalization;
using System.Text;

namespace FPbase.Data.Domain;

/// <summary>Django's <c>django.utils.text.slugify</c> (with <c>allow_unicode=False</c>).</summary>
public static class Slugify
{
    /// <summary>
    /// NFKD-normalizes, drops non-ASCII, lowercases, removes everything except letters, digits,
    /// underscores, whitespace and hyphens, collapses runs of whitespace/hyphens into one hyphen and
    /// trims leading/trailing hyphens and underscores. <c>mRFP1.2</c> becomes <c>mrfp12</c>.
    /// </summary>
    public static string Apply(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var decomposed = ToAscii(value);
        var sb = new StringBuilder(decomposed.Length);
        var pendingSeparator = false;
        foreach (var raw in decomposed)
        {
            var c = char.ToLowerInvariant(raw);
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_')
            {
                if (pendingSeparator)
                {
                    sb.Append('-');
                    pendingSeparator = false;
                }

                sb.Append(c);
            }
            else if (c == '-' || char.IsWhiteSpace(c))
            {
                pendingSeparator = true;
            }

            // anything else (punctuation, symbols) is dropped without becoming a separator
        }

        if (pendingSeparator)
        {
            sb.Append('-');
        }

        return sb.ToString().Trim('-', '_');
    }

    /// <summary>FPbase's slug for filters, lights and cameras: slashes become hyphens first.</summary>
    public static string ForProduct(string name) => Apply(name.Replace('/', '-'));

    private static string ToAscii(string value)
    {
        var allAscii = true;
        foreach (var c in value)
        {
            if (c > 0x7f)
            {
                allAscii = false;
                break;
            }
        }

        if (allAscii)
        {
            return value;
        }

        // NFKD + drop non-ASCII. With InvariantGlobalization string.Normalize cannot decompose, so the
        // decompositions of Latin-1 and Latin Extended-A (the letters names actually contain) are tabulated.
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c <= 0x7f)
            {
                sb.Append(c);
            }
            else if (c is >= '\u00a0' and <= '\u017f')
            {
                sb.Append(Latin[c - 0xa0]);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator)
            {
                sb.Append(' ');
            }
        }

        return sb.ToString();
    }

    // NFKD of U+00A0..U+017F reduced to ASCII ("" where nothing ASCII remains), one entry per code point.
    private static readonly string[] Latin =
    [
        /* U+00A0 */ " ", "", "", "", "", "", "", "", " ", "", "a", "", "", "", "", " ",
        /* U+00B0 */ "", "", "2", "3", " ", "", "", "", " ", "1", "o", "", "14", "12", "34", "",
        /* U+00C0 */ "A", "A", "A", "A", "A", "A", "", "C", "E", "E", "E", "E", "I", "I", "I", "I",
        /* U+00D0 */ "", "N", "O", "O", "O", "O", "O", "", "", "U", "U", "U", "U", "Y", "", "",
        /* U+00E0 */ "a", "a", "a", "a", "a", "a", "", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        /* U+00F0 */ "", "n", "o", "o", "o", "o", "o", "", "", "u", "u", "u", "u", "y", "", "y",
        /* U+0100 */ "A", "a", "A", "a", "A", "a", "C", "c", "C", "c", "C", "c", "C", "c", "D", "d",
        /* U+0110 */ "", "", "E", "e", "E", "e", "E", "e", "E", "e", "E", "e", "G", "g", "G", "g",
        /* U+0120 */ "G", "g", "G", "g", "H", "h", "", "", "I", "i", "I", "i", "I", "i", "I", "i",
        /* U+0130 */ "I", "", "IJ", "ij", "J", "j", "K", "k", "", "L", "l", "L", "l", "L", "l", "L",
        /* U+0140 */ "l", "", "", "N", "n", "N", "n", "N", "n", "n", "", "", "O", "o", "O", "o",
        /* U+0150 */ "O", "o", "", "", "R", "r", "R", "r", "R", "r", "S", "s", "S", "s", "S", "s",
        /* U+0160 */ "S", "s", "T", "t", "T", "t", "", "", "U", "u", "U", "u", "U", "u", "U", "u",
        /* U+0170 */ "U", "u", "U", "u", "W", "w", "Y", "y", "Y", "Z", "z", "Z", "z", "Z", "z", "s",
    ];
}

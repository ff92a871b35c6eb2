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

        string normalized;
        try
        {
            normalized = value.Normalize(NormalizationForm.FormKD);
        }
        catch (PlatformNotSupportedException)
        {
            normalized = value;
        }

        var sb = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (c <= 0x7f)
            {
                sb.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator)
            {
                sb.Append(' ');
            }
        }

        return sb.ToString();
    }
}

using FPbase.Web.Features.Editing;

namespace FPbase.Web.Features.Compare;

/// <summary>The comparison's slugs: FPbase's <c>[\w,\-]+</c>, lower-cased, in order, repeats dropped, at most <see cref="MaxProteins"/>.</summary>
public static class CompareSlugs
{
    /// <summary>The most proteins one comparison shows: bounds the queries' parameters and the figure's curves.</summary>
    public const int MaxProteins = 8;

    /// <summary>FPbase's slugs are at most 64 characters.</summary>
    private const int MaxSlugLength = 64;

    /// <summary>The slugs, or null when the value is not 1 to <see cref="MaxProteins"/> well-formed slugs.</summary>
    public static IReadOnlyList<string>? Parse(string? value)
    {
        if (!SafeText.IsLookupKey(value, (MaxProteins * (MaxSlugLength + 1)) + 1))
        {
            return null;
        }

        var slugs = value!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        return slugs.Count is > 0 and <= MaxProteins && slugs.TrueForAll(IsSlug) ? slugs : null;
    }

    private static bool IsSlug(string slug)
        => slug.Length <= MaxSlugLength && slug.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

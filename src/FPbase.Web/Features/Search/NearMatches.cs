using FPbase.Data;
using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Search;

/// <summary>
/// FPbase's "no exact results, but these proteins were similar": visible proteins whose name or an alias contains the
/// name asked for (case-insensitive), then those whose name is similar to it by trigrams, as PostgreSQL's pg_trgm
/// counts them (FPbase's <c>TrigramSimilarity</c> above 0.2), most similar first. Computed here, on every visible
/// protein's name and aliases (one query of three columns: bounded by the number of proteins), so that it works on
/// every database the site runs on; the name asked for is capped in length by the page.
/// </summary>
internal static class NearMatches
{
    public const int Max = 50;
    private const double Threshold = 0.2;

    /// <summary>The slugs of the near matches, best first (ties by name, then id).</summary>
    public static async Task<List<string>> FindAsync(FpbaseDbContext db, string name, CancellationToken cancellationToken)
    {
        var needle = name.Trim().ToLowerInvariant();
        if (needle.Length == 0)
        {
            return [];
        }

        var proteins = await db.Proteins.AsNoTracking().Where(p => p.Status != ProteinStatus.Hidden)
            .Select(p => new { p.Id, p.Slug, p.Name, p.Aliases })
            .ToListAsync(cancellationToken);
        var asked = Trigrams(needle);
        return proteins
            .Select(p => new
            {
                p.Id,
                p.Slug,
                p.Name,
                Contains = p.Name.Contains(needle, StringComparison.OrdinalIgnoreCase) || p.Aliases.Any(a => a.Contains(needle, StringComparison.OrdinalIgnoreCase)),
                Similarity = Similarity(asked, Trigrams(p.Name.ToLowerInvariant())),
            })
            .Where(p => p.Contains || p.Similarity > Threshold)
            .OrderByDescending(p => p.Contains).ThenByDescending(p => p.Similarity)
            .ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Id)
            .Take(Max)
            .Select(p => p.Slug)
            .ToList();
    }

    /// <summary>pg_trgm's similarity: shared trigrams over all distinct trigrams of both.</summary>
    public static double Similarity(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var shared = b.Count(a.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    /// <summary>pg_trgm's trigrams: each word of letters and digits, with two spaces before it and one after.</summary>
    public static HashSet<string> Trigrams(string text)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in Words(text))
        {
            var padded = "  " + word + " ";
            for (var i = 0; i + 3 <= padded.Length; i++)
            {
                set.Add(padded.Substring(i, 3));
            }
        }

        return set;
    }

    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                start = start < 0 ? i : start;
            }
            else if (start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }
}

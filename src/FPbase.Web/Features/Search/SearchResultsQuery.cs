using FPbase.Data;
using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Search;

/// <summary>
/// The rows of the results, as FPbase orders them: by the default state's emission maximum (unknown last), then
/// name and id (a total order). One query for the count, one for the rows shown.
/// </summary>
internal static class SearchResultsQuery
{
    public static async Task<(int Total, List<SearchResult> Rows)> LoadAsync(IQueryable<Protein> filtered, int max, CancellationToken cancellationToken)
    {
        var total = await filtered.CountAsync(cancellationToken);
        var rows = total == 0
            ? []
            : await Project(filtered
                .OrderBy(p => p.DefaultState == null || p.DefaultState.EmMax == null)
                .ThenBy(p => p.DefaultState!.EmMax).ThenBy(p => p.Name).ThenBy(p => p.Id)
                .Take(max)).ToListAsync(cancellationToken);
        return (total, rows);
    }

    /// <summary>The rows of these proteins, in the order of <paramref name="slugs"/>.</summary>
    public static async Task<List<SearchResult>> BySlugsAsync(FpbaseDbContext db, IReadOnlyList<string> slugs, CancellationToken cancellationToken)
    {
        if (slugs.Count == 0)
        {
            return [];
        }

        var rows = await Project(db.Proteins.Where(p => slugs.Contains(p.Slug))).ToListAsync(cancellationToken);
        var order = slugs.Select((slug, i) => (slug, i)).ToDictionary(x => x.slug, x => x.i, StringComparer.Ordinal);
        return rows.OrderBy(r => order[r.Slug]).ToList();
    }

    private static IQueryable<SearchResult> Project(IQueryable<Protein> proteins)
        => proteins.AsNoTracking().Select(p => new SearchResult(
            p.Name,
            p.Slug,
            p.Uuid,
            p.DefaultState != null ? p.DefaultState.ExMax : null,
            p.DefaultState != null ? p.DefaultState.EmMax : null,
            p.DefaultState != null ? p.DefaultState.EmHex : "#000",
            p.DefaultState != null ? p.DefaultState.ExtCoeff : null,
            p.DefaultState != null ? p.DefaultState.Qy : null,
            p.DefaultState != null ? p.DefaultState.Brightness : null,
            p.DefaultState != null ? p.DefaultState.Pka : null,
            p.DefaultState != null ? p.DefaultState.Maturation : null,
            p.Agg,
            p.SwitchType,
            p.PrimaryReference != null ? p.PrimaryReference.Year : null,
            p.States.Count));
}

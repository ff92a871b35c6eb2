using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Data.Popularity;

/// <summary>Writes batches of protein page views and reads the most viewed proteins over a period.</summary>
public static class ProteinViews
{
    /// <summary>The periods the home page shows, in days back from today (UTC), today included.</summary>
    public static readonly IReadOnlyList<(string Name, int Days)> Periods = [("day", 1), ("week", 7), ("month", 30), ("year", 365)];

    /// <summary>
    /// Adds <paramref name="views"/> (protein page key: slug or uuid, lower case -> views) to today's counts, in one
    /// statement per batch of 500 (an upsert that adds to the day's row). Keys that name no protein are dropped.
    /// A raw write, so the interceptors bump what the map says the table touches (<see cref="CacheDependencies.Popular"/>)
    /// after it commits.
    /// </summary>
    /// <returns>The views written (those of keys that name a protein).</returns>
    public static async Task<long> AddAsync(FpbaseDbContext db, IReadOnlyDictionary<string, long> views, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(views);
        if (views.Count == 0)
        {
            return 0;
        }

        var keys = views.Keys.ToList();
        var proteins = await db.Proteins.AsNoTracking()
            .Where(p => keys.Contains(p.Slug) || keys.Contains(p.Uuid.ToLower()))
            .Select(p => new { p.Id, p.Slug, p.Uuid })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var byProtein = new Dictionary<int, long>();
        foreach (var protein in proteins)
        {
            var count = views.GetValueOrDefault(protein.Slug) + (protein.Uuid.Equals(protein.Slug, StringComparison.OrdinalIgnoreCase) ? 0 : views.GetValueOrDefault(protein.Uuid.ToLowerInvariant()));
            if (count > 0)
            {
                byProtein[protein.Id] = count;
            }
        }

        var day = DateOnly.FromDateTime(db.Time.GetUtcNow().UtcDateTime);
        foreach (var batch in byProtein.Chunk(500))
        {
            // Parameters, never values in the text: {0} is the day, then a protein id and its count per row.
            var rows = string.Join(", ", batch.Select((_, i) => $"({{{(2 * i) + 1}}}, {{0}}, {{{(2 * i) + 2}}})"));
            var parameters = new List<object> { day };
            foreach (var (protein, count) in batch)
            {
                parameters.Add(protein);
                parameters.Add(count);
            }

            // EF1003: the text is the fixed statement and numbered placeholders; every value is a parameter.
#pragma warning disable EF1003
            await db.Database.ExecuteSqlRawAsync(
                $"INSERT INTO {ProteinViewConfiguration.Table} (protein_id, day, count) VALUES {rows} " +
                $"ON CONFLICT (protein_id, day) DO UPDATE SET count = {ProteinViewConfiguration.Table}.count + excluded.count",
                parameters, cancellationToken).ConfigureAwait(false);
#pragma warning restore EF1003
        }

        return byProtein.Values.Sum();
    }

    /// <summary>The <paramref name="take"/> visible proteins with the most views in the <paramref name="days"/> days up to <paramref name="today"/>.</summary>
    public static async Task<IReadOnlyList<PopularProtein>> TopAsync(FpbaseDbContext db, DateOnly today, int days, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var since = today.AddDays(1 - days);
        var top = await db.ProteinViews.AsNoTracking()
            .Where(v => v.Day >= since && v.Day <= today && v.Protein.Status != ProteinStatus.Hidden)
            .GroupBy(v => v.ProteinId)
            .Select(g => new { ProteinId = g.Key, Views = g.Sum(v => v.Count) })
            .OrderByDescending(g => g.Views).ThenBy(g => g.ProteinId)
            .Take(take)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = top.Select(t => t.ProteinId).ToList();
        var names = await db.Proteins.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.Slug }).ToDictionaryAsync(p => p.Id, cancellationToken).ConfigureAwait(false);
        return [.. top.Where(t => names.ContainsKey(t.ProteinId)).Select(t => new PopularProtein(names[t.ProteinId].Name, names[t.ProteinId].Slug, t.Views))];
    }
}

/// <summary>A protein and its page views over a period.</summary>
public sealed record PopularProtein(string Name, string Slug, long Views);

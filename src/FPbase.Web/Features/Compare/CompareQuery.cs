using FPbase.Data;
using FPbase.Data.Entities;
using FPbase.Web.Features.Spectra.Images;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Compare;

/// <summary>The compared proteins (visible ones only) with their states and spectra, in split queries bounded by the slugs.</summary>
internal static class CompareQuery
{
    public static async Task<ComparePage> LoadAsync(FpbaseDbContext db, IReadOnlyList<string> slugs, CancellationToken cancellationToken)
    {
        var found = await db.Proteins.AsNoTracking().AsSplitQuery()
            .Include(p => p.ParentOrganism)
            .Include(p => p.States).ThenInclude(s => s.Spectra)
            .Where(p => slugs.Contains(p.Slug) && p.Status != ProteinStatus.Hidden)
            .ToListAsync(cancellationToken);
        var bySlug = found.ToDictionary(p => p.Slug, StringComparer.Ordinal);
        var missing = slugs.Where(s => !bySlug.ContainsKey(s)).ToList();
        var proteins = slugs.Where(bySlug.ContainsKey).Select(s => bySlug[s]).ToList();

        var columns = new List<ComparedProtein>(proteins.Count);
        var series = new List<PlotSeries>();
        foreach (var p in proteins)
        {
            var states = p.States.OrderBy(s => s.IsDark).ThenBy(s => s.EmMax ?? int.MaxValue).ThenBy(s => s.Id).ToList();
            var d = states.Find(s => s.Id == p.DefaultStateId) ?? states.FirstOrDefault(s => !s.IsDark);
            columns.Add(new ComparedProtein(
                p.Name, p.Slug, d?.ExMax, d?.EmMax, d?.EmHex, d?.ExtCoeff, d?.Qy, d?.Brightness, d?.Pka, d?.Maturation, d?.Lifetime,
                p.Agg, p.SwitchType, p.ParentOrganism?.ScientificName ?? "", p.ParentOrganismId, p.Cofactor, p.Seq?.Length));

            // The default state's spectra (FPbase's comparison draws one state per protein), two-photon left out.
            if (d is not null)
            {
                series.AddRange(SpectraPlotQuery.Build(p.Name, d, [d]).Series);
            }
        }

        var title = string.Join(" vs ", proteins.Select(p => p.Name));
        return new ComparePage(columns, missing, new SpectraPlot(title, [], series));
    }
}

using FPbase.Data;
using FPbase.Data.Entities;
using FPbase.Web.Features.Spectra.Images;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Proteins.Page;

/// <summary>Loads a <see cref="ProteinPage"/> with split queries (no cartesian explosion of states × spectra × references).</summary>
internal static class ProteinPageQuery
{
    public static async Task<ProteinPage?> LoadAsync(FpbaseDbContext db, int id, CancellationToken cancellationToken)
    {
        var protein = await db.Proteins.AsNoTracking().AsSplitQuery()
            .Include(p => p.ParentOrganism)
            .Include(p => p.States).ThenInclude(s => s.Spectra)
            .Include(p => p.States).ThenInclude(s => s.BleachMeasurements)
            .Include(p => p.ProteinReferences).ThenInclude(pr => pr.Reference)
            .Include(p => p.PrimaryReference)
            .Include(p => p.Transitions).ThenInclude(t => t.FromState)
            .Include(p => p.Transitions).ThenInclude(t => t.ToState)
            .Include(p => p.OserMeasurements)
            .Include(p => p.Excerpts.Where(e => e.Status == ExcerptStatus.Approved)).ThenInclude(e => e.Reference)
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (protein is null)
        {
            return null;
        }

        var lineage = await db.Lineages.AsNoTracking()
            .Where(l => l.ProteinId == id)
            .Select(l => new
            {
                l.Mutation,
                Parent = l.Parent == null || l.Parent.Protein.Status == ProteinStatus.Hidden
                    ? null
                    : new LineageLink(l.Parent.Protein.Name, l.Parent.Protein.Slug, l.Parent.Mutation),
                Children = l.Children.Where(c => c.Protein.Status != ProteinStatus.Hidden)
                    .OrderBy(c => c.Protein.Name).ThenBy(c => c.Id)
                    .Select(c => new LineageLink(c.Protein.Name, c.Protein.Slug, c.Mutation))
                    .ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);

        // Dark states last, then by emission, as FPbase lists them.
        var states = protein.States.OrderBy(s => s.IsDark).ThenBy(s => s.EmMax ?? int.MaxValue).ThenBy(s => s.Id).ToList();
        var references = protein.ProteinReferences.Select(pr => pr.Reference)
            .Concat(protein.PrimaryReference is { } primary ? [primary] : [])
            .DistinctBy(r => r.Id)
            .OrderByDescending(r => r.Id == protein.PrimaryReferenceId)
            .ThenBy(r => r.Year ?? int.MaxValue).ThenBy(r => r.Citation, StringComparer.Ordinal).ThenBy(r => r.Id)
            .ToList();
        var defaultState = states.Find(s => s.Id == protein.DefaultStateId) ?? states.FirstOrDefault(s => !s.IsDark);

        return new ProteinPage(
            protein,
            states,
            references,
            protein.Excerpts.OrderBy(e => e.Reference?.Year ?? int.MaxValue).ThenBy(e => e.Id).ToList(),
            lineage?.Parent,
            lineage?.Mutation ?? "",
            lineage?.Children ?? [],
            SpectraPlotQuery.Build(protein.Name, defaultState, states));
    }
}

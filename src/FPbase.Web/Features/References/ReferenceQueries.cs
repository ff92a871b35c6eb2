using FPbase.Data;
using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.References;

internal static class ReferenceQueries
{
    /// <summary>One reference by id or (lower-cased) DOI, or null.</summary>
    public static async Task<ReferencePage?> LoadAsync(FpbaseDbContext db, int? id, string? doi, CancellationToken cancellationToken)
    {
        var query = db.References.AsNoTracking().AsSplitQuery()
            .Include(r => r.ReferenceAuthors).ThenInclude(ra => ra.Author)
            .Include(r => r.ProteinReferences).ThenInclude(pr => pr.Protein);
        var reference = id is { } key
            ? await query.FirstOrDefaultAsync(r => r.Id == key, cancellationToken)
            : await query.FirstOrDefaultAsync(r => r.Doi == doi, cancellationToken);
        if (reference is null)
        {
            return null;
        }

        var primaries = await db.Proteins.AsNoTracking()
            .Where(p => p.PrimaryReferenceId == reference.Id && p.Status != ProteinStatus.Hidden)
            .Select(p => new CitingProtein(p.Name, p.Slug, true))
            .ToListAsync(cancellationToken);
        var proteins = primaries
            .Concat(reference.ProteinReferences.Select(pr => pr.Protein)
                .Where(p => p.Status != ProteinStatus.Hidden)
                .Select(p => new CitingProtein(p.Name, p.Slug, false)))
            .DistinctBy(p => p.Slug)
            .OrderByDescending(p => p.IsPrimary).ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Slug, StringComparer.Ordinal)
            .ToList();
        var excerpts = await db.Excerpts.AsNoTracking()
            .Include(e => e.Proteins.Where(p => p.Status != ProteinStatus.Hidden).OrderBy(p => p.Name).ThenBy(p => p.Id))
            .Where(e => e.ReferenceId == reference.Id && e.Status == ExcerptStatus.Approved)
            .OrderBy(e => e.Id)
            .ToListAsync(cancellationToken);
        var authors = reference.ReferenceAuthors.OrderBy(ra => ra.Order)
            .Select(ra => string.IsNullOrEmpty(ra.Author.Initials) ? ra.Author.FamilyName : $"{ra.Author.FamilyName} {ra.Author.Initials}")
            .ToList();
        return new ReferencePage(reference, authors, proteins, excerpts);
    }

    /// <summary>Every reference, newest first, with the visible proteins citing it.</summary>
    public static async Task<IReadOnlyList<ReferenceListItem>> ListAsync(FpbaseDbContext db, CancellationToken cancellationToken)
    {
        var references = await db.References.AsNoTracking()
            .OrderByDescending(r => r.Year).ThenBy(r => r.Citation).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.Doi, r.Citation, r.Title, r.Journal, r.Year })
            .ToListAsync(cancellationToken);
        var cited = await db.ProteinReferences.AsNoTracking()
            .Where(pr => pr.Protein.Status != ProteinStatus.Hidden)
            .Select(pr => new { pr.ReferenceId, pr.Protein.Name, pr.Protein.Slug, IsPrimary = pr.Protein.PrimaryReferenceId == pr.ReferenceId })
            .ToListAsync(cancellationToken);
        var primary = await db.Proteins.AsNoTracking()
            .Where(p => p.PrimaryReferenceId != null && p.Status != ProteinStatus.Hidden)
            .Select(p => new { ReferenceId = p.PrimaryReferenceId!.Value, p.Name, p.Slug, IsPrimary = true })
            .ToListAsync(cancellationToken);
        var byReference = primary.Concat(cited).ToLookup(c => c.ReferenceId);
        return references.ConvertAll(r => new ReferenceListItem(
            r.Id, r.Doi, r.Citation, r.Title, r.Journal, r.Year,
            byReference[r.Id].DistinctBy(c => c.Slug)
                .OrderByDescending(c => c.IsPrimary).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Slug, StringComparer.Ordinal)
                .Select(c => new CitingProtein(c.Name, c.Slug, c.IsPrimary)).ToList()));
    }
}

using FPbase.Data;
using FPbase.Data.Domain;
using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Search;

/// <summary>
/// Where <c>/search/?q=</c> goes when the query names one thing, in FPbase's order (backend/proteins/views/search.py):
/// a visible protein whose slug is the query slugified (or the query itself), whose name or an alias is the query
/// (case-insensitive), whose FPbase ID (uuid), GenBank or UniProt accession is the query (case-insensitive) or whose
/// PDB IDs include it; else a reference with that DOI. Two queries at most, on indexed or small columns, whatever the
/// query (its length is capped by the page).
/// </summary>
internal static class ExactMatch
{
    /// <summary>The path to redirect to, or null.</summary>
    public static async Task<string?> FindAsync(FpbaseDbContext db, string q, CancellationToken cancellationToken)
    {
        var lower = q.ToLowerInvariant();
        var upper = q.ToUpperInvariant();
        var slug = Slugify.Apply(q);
        var candidates = await db.Proteins.AsNoTracking()
            .Where(p => p.Status != ProteinStatus.Hidden && (p.Slug == slug || p.Slug == lower || p.Uuid == upper
                || p.Name.ToLower() == lower || p.Aliases.Any(a => a.ToLower() == lower)
                || (p.Genbank != null && p.Genbank.ToLower() == lower) || (p.Uniprot != null && p.Uniprot.ToLower() == lower)
                || p.Pdb.Contains(upper)))
            .OrderBy(p => p.Id)
            .Select(p => new { p.Slug, p.Name, p.Uuid, p.Aliases })
            .Take(50)
            .ToListAsync(cancellationToken);
        var match = candidates.Find(p => p.Slug == slug && slug.Length > 0)
            ?? candidates.Find(p => p.Slug == lower)
            ?? candidates.Find(p => p.Name.Equals(q, StringComparison.OrdinalIgnoreCase))
            ?? candidates.Find(p => p.Aliases.Any(a => a.Equals(q, StringComparison.OrdinalIgnoreCase)))
            ?? candidates.Find(p => p.Uuid == upper)
            ?? candidates.FirstOrDefault();
        if (match is not null)
        {
            return $"/protein/{Uri.EscapeDataString(match.Slug)}/";
        }

        var reference = await db.References.AsNoTracking().Where(r => r.Doi == lower).Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken);
        return reference is { } id ? FormattableString.Invariant($"/reference/{id}/") : null;
    }
}

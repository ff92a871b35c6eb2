using FPbase.Data;
using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Organisms;

internal static class OrganismQueries
{
    /// <summary>Every organism by scientific name, with its number of visible proteins (FPbase lists them all).</summary>
    public static Task<List<OrganismListItem>> ListAsync(FpbaseDbContext db, CancellationToken cancellationToken)
        => db.Organisms.AsNoTracking()
            .OrderBy(o => o.ScientificName).ThenBy(o => o.Id)
            .Select(o => new OrganismListItem(o.Id, o.ScientificName, o.CommonName, o.Division, o.Proteins.Count(p => p.Status != ProteinStatus.Hidden)))
            .ToListAsync(cancellationToken);

    /// <summary>One organism and its visible proteins, or null.</summary>
    public static async Task<OrganismPage?> LoadAsync(FpbaseDbContext db, int id, CancellationToken cancellationToken)
    {
        var organism = await db.Organisms.AsNoTracking().Where(o => o.Id == id)
            .Select(o => new { o.Id, o.ScientificName, o.CommonName, o.Division, o.Rank })
            .FirstOrDefaultAsync(cancellationToken);
        if (organism is null)
        {
            return null;
        }

        var proteins = await db.Proteins.AsNoTracking()
            .Where(p => p.ParentOrganismId == id && p.Status != ProteinStatus.Hidden)
            .OrderBy(p => p.Name).ThenBy(p => p.Slug)
            .Select(p => new OrganismProtein(p.Name, p.Slug, p.DefaultState == null ? null : p.DefaultState.ExMax, p.DefaultState == null ? null : p.DefaultState.EmMax, p.DefaultState == null ? null : p.DefaultState.EmHex))
            .ToListAsync(cancellationToken);
        return new OrganismPage(organism.Id, organism.ScientificName, organism.CommonName, organism.Division, organism.Rank, proteins);
    }
}

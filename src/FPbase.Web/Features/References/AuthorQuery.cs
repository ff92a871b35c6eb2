using FPbase.Data;
using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.References;

/// <summary>One author with their references and the visible proteins whose primary reference is one of them: three queries.</summary>
internal static class AuthorQuery
{
    public static async Task<AuthorPage?> LoadAsync(FpbaseDbContext db, int id, CancellationToken cancellationToken)
    {
        var author = await db.Authors.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.Id, a.FamilyName, a.GivenName, a.Initials })
            .FirstOrDefaultAsync(cancellationToken);
        if (author is null)
        {
            return null;
        }

        var references = await db.References.AsNoTracking()
            .Where(r => r.ReferenceAuthors.Any(ra => ra.AuthorId == id))
            .OrderByDescending(r => r.Year).ThenBy(r => r.Citation).ThenBy(r => r.Id)
            .Select(r => new AuthorReference(r.Id, r.Doi, r.Citation, r.Title, r.Journal, r.Year))
            .ToListAsync(cancellationToken);
        var ids = references.ConvertAll(r => r.Id);
        var proteins = await db.Proteins.AsNoTracking()
            .Where(p => p.PrimaryReferenceId != null && ids.Contains(p.PrimaryReferenceId.Value) && p.Status != ProteinStatus.Hidden)
            .OrderBy(p => p.Name).ThenBy(p => p.Slug)
            .Select(p => new CitingProtein(p.Name, p.Slug, true))
            .ToListAsync(cancellationToken);
        return new AuthorPage(author.Id, author.FamilyName, author.GivenName, author.Initials, references, proteins);
    }
}

using FPbase.Data.Domain;
using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Data.Revisions.Edits;

/// <summary>Restores the protein as a revision saw it.</summary>
public static partial class ProteinEdits
{
    public static async Task<(EditErrors Errors, ProteinRevision? Revision)> RevertAsync(FpbaseDbContext db, ProteinEditSession session, RevertRequest input, CancellationToken ct)
    {
        var errors = new EditErrors();
        var restore = input.Restore ?? "after";
        if (restore is not ("after" or "before"))
        {
            errors.Add("restore", "\"after\" (the protein as this revision left it) or \"before\" (as it was before it).");
        }

        var revision = input.Revision is { } id
            ? await db.ProteinRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.ProteinId == session.Protein.Id, ct)
            : null;
        if (revision is null)
        {
            errors.Add("revision", input.Revision is null ? "Which revision?" : $"This protein has no revision {input.Revision}.");
        }

        if (errors.Any)
        {
            return (errors, null);
        }

        var snapshot = ProteinSnapshot.FromJson(restore == "after" ? revision!.After : revision!.Before);
        var slug = Slugify.Apply(snapshot.Name);
        if (slug != session.Protein.Slug && await db.Proteins.AnyAsync(o => o.Id != session.Protein.Id && o.Slug == slug, ct))
        {
            errors.Add("revision", $"Another protein now has the slug '{slug}'.");
            return (errors, null);
        }

        snapshot.RestoreInto(session.Protein, db);
        session.Protein.Slug = slug;
        foreach (var state in session.Protein.States)
        {
            state.OwnerName = session.Protein.Name;
            state.OwnerSlug = slug;
        }

        return (errors, revision);
    }
}

using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Data.Revisions.Edits;

/// <summary>Adds an excerpt of one of the protein's references.</summary>
public static partial class ProteinEdits
{
    public static async Task<(EditErrors Errors, Excerpt? Excerpt)> AddExcerptAsync(FpbaseDbContext db, ProteinEditSession session, ExcerptAdd input, CancellationToken ct)
    {
        var errors = new EditErrors();
        var content = (input.Content ?? "").Trim();
        if (content.Length == 0)
        {
            errors.Add("content", "An excerpt needs some text.");
        }
        else if (content.Length > 1200)
        {
            errors.Add("content", "At most 1200 characters.");
        }

        var doi = (input.Reference ?? "").Trim().ToLowerInvariant();
        var reference = doi.Length == 0 ? null : await db.References.SingleOrDefaultAsync(r => r.Doi == doi, ct);
        if (reference is null)
        {
            errors.Add("reference", doi.Length == 0 ? "An excerpt quotes a reference: give its DOI." : $"No reference has the DOI '{doi}': add it first.");
        }

        if (errors.Any)
        {
            return (errors, null);
        }

        var excerpt = new Excerpt { Content = content, Reference = reference, Status = ExcerptStatus.Approved };
        session.Protein.Excerpts.Add(excerpt);
        return (errors, excerpt);
    }
}

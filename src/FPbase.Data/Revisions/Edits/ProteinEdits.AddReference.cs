using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Data.Revisions.Edits;

/// <summary>Cites a reference, by DOI, adding the reference when it is new.</summary>
public static partial class ProteinEdits
{
    public static async Task<EditErrors> AddReferenceAsync(FpbaseDbContext db, ProteinEditSession session, ReferenceAdd input, CancellationToken ct)
    {
        var errors = new EditErrors();
        var doi = (input.Doi ?? "").Trim().ToLowerInvariant();
        if (!doi.StartsWith("10.", StringComparison.Ordinal) || !doi.Contains('/', StringComparison.Ordinal) || doi.Length > 50)
        {
            errors.Add("doi", "A DOI like 10.1000/xyz123 (at most 50 characters).");
            return errors;
        }

        var reference = await db.References.SingleOrDefaultAsync(r => r.Doi == doi, ct);
        if (reference is null)
        {
            if (string.IsNullOrWhiteSpace(input.Title))
            {
                errors.Add("title", "A new reference needs a title.");
            }

            MaxLength(errors, "title", input.Title?.Trim(), 512);
            MaxLength(errors, "journal", input.Journal?.Trim(), 512);
            if (input.Year is { } year && (year < 1900 || year > db.Time.GetUtcNow().Year + 1))
            {
                errors.Add("year", "A year between 1900 and next year.");
            }

            if (errors.Any)
            {
                return errors;
            }

            reference = new Reference { Doi = doi, Title = input.Title!.Trim(), Journal = (input.Journal ?? "").Trim(), Year = input.Year };
            reference.Citation = input.Year is { } y ? $"({y})" : "";
            db.References.Add(reference);
        }
        else if (session.Protein.ProteinReferences.Any(r => r.ReferenceId == reference.Id))
        {
            errors.Add("doi", "This protein already cites that reference.");
            return errors;
        }

        session.Protein.ProteinReferences.Add(new ProteinReference { Protein = session.Protein, Reference = reference });
        return errors;
    }
}

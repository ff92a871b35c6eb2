using FPbase.Data.Entities;

namespace FPbase.Data.Revisions.Edits;

/// <summary>
/// The seven protein edits, shared by the JSON API and the HTML forms: each validates its input against the
/// loaded aggregate and, only when valid, changes the tracked entities (the caller then commits the session,
/// which records the revision). With errors nothing is changed, so nothing is saved. No cache code anywhere:
/// the EF Core interceptors bump what the write touched.
/// </summary>
public static partial class ProteinEdits
{
    private static void ValidateState(EditErrors errors, string field, StateUpdate s)
    {
        errors.Range(field + ".ex_max", s.ExMax, 300, 900);
        errors.Range(field + ".em_max", s.EmMax, 300, 900);
        errors.Range(field + ".twop_ex_max", s.TwopExMax, 700, 1600);
        errors.Range(field + ".ext_coeff", s.ExtCoeff, 0, 300000);
        errors.Range(field + ".qy", s.Qy, 0, 1);
        errors.Range(field + ".pka", s.Pka, 0, 14);
        errors.Range(field + ".maturation", s.Maturation, 0, 1600);
        errors.Range(field + ".lifetime", s.Lifetime, 0, 20);
    }

    /// <summary>A state of the protein by slug or name (case-insensitive); null for none or an empty key.</summary>
    public static State? FindState(Protein p, string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        return p.States.FirstOrDefault(s => string.Equals(s.Slug, key, StringComparison.OrdinalIgnoreCase))
            ?? p.States.FirstOrDefault(s => string.Equals(s.Name, key, StringComparison.OrdinalIgnoreCase));
    }

    private static void MaxLength(EditErrors errors, string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            errors.Add(field, $"At most {max} characters.");
        }
    }

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

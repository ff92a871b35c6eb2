using FPbase.Data.Entities;

namespace FPbase.Data.Revisions.Edits;

/// <summary>Flags one of the protein's excerpts.</summary>
public static partial class ProteinEdits
{
    /// <summary>Flags one of the protein's excerpts (status "flagged"); null when the protein has no such excerpt.</summary>
    public static Excerpt? Flag(ProteinEditSession session, int excerptId)
    {
        var excerpt = session.Protein.Excerpts.FirstOrDefault(e => e.Id == excerptId);
        if (excerpt is not null)
        {
            excerpt.Status = ExcerptStatus.Flagged;
        }

        return excerpt;
    }
}

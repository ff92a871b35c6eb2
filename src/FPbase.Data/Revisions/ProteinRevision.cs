using FPbase.Data.Entities;

namespace FPbase.Data.Revisions;

/// <summary>
/// One recorded change to a protein's aggregate (the protein, its states, transitions, bleach measurements,
/// references and excerpts): who, when, what (JSON snapshots before and after, see <see cref="ProteinSnapshot"/>).
/// Written by <see cref="ProteinEditSession.CommitAsync"/> in the write's own transaction; a revert is a revision too.
/// </summary>
public class ProteinRevision : ICreated
{
    public int Id { get; set; }

    public int ProteinId { get; set; }

    public Protein Protein { get; set; } = null!;

    /// <summary>What was done: "update", "add-reference", "add-excerpt", "transitions", "bleach", "flag-excerpt", "revert".</summary>
    public string Action { get; set; } = "";

    /// <summary>The user's id (null if the user was deleted).</summary>
    public string? UserId { get; set; }

    public string UserName { get; set; } = "";

    public DateTime Created { get; set; }

    /// <summary>JSON <see cref="ProteinSnapshot"/> of the aggregate before the change.</summary>
    public string Before { get; set; } = "";

    /// <summary>JSON <see cref="ProteinSnapshot"/> of the aggregate after the change.</summary>
    public string After { get; set; } = "";

    /// <summary>For a revert: the revision it restored.</summary>
    public int? RevertedFromId { get; set; }
}

namespace FPbase.Data.Entities;

/// <summary>Ordered reference ↔ author link (FPbase's <c>author_idx</c>). Key: (ReferenceId, Order).</summary>
public class ReferenceAuthor
{
    public int ReferenceId { get; set; }

    public Reference Reference { get; set; } = null!;

    /// <summary>0-based author position.</summary>
    public int Order { get; set; }

    public int AuthorId { get; set; }

    public Author Author { get; set; } = null!;
}

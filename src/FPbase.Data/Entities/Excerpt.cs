namespace FPbase.Data.Entities;

/// <summary>A quoted passage of a reference about one or more proteins.</summary>
public class Excerpt : ITimestamped
{
    public int Id { get; set; }

    public string Content { get; set; } = "";

    public int? ReferenceId { get; set; }

    public Reference? Reference { get; set; }

    public ExcerptStatus Status { get; set; } = ExcerptStatus.Approved;

    /// <summary>Many-to-many through table <c>excerpt_proteins</c>.</summary>
    public List<Protein> Proteins { get; set; } = [];

    public DateTime Created { get; set; }

    public DateTime Modified { get; set; }

    public string? CreatedBy { get; set; }

    public string? UpdatedBy { get; set; }
}

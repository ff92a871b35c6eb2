namespace FPbase.Data.Entities;

/// <summary>Protein ↔ reference many-to-many join, as a tracked entity. Key: (ProteinId, ReferenceId).</summary>
public class ProteinReference
{
    public int ProteinId { get; set; }

    public Protein Protein { get; set; } = null!;

    public int ReferenceId { get; set; }

    public Reference Reference { get; set; } = null!;
}

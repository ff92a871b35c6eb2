namespace FPbase.Data.Entities;

/// <summary>A node of the protein lineage tree: this protein derives from <see cref="Parent"/>'s protein by
/// <see cref="Mutation"/> (e.g. "K26R/Q69K"). <see cref="RootNode"/> is the tree's root (itself for a root).</summary>
public class Lineage : ITimestamped
{
    public int Id { get; set; }

    public int ProteinId { get; set; }

    public Protein Protein { get; set; } = null!;

    public int? ParentId { get; set; }

    public Lineage? Parent { get; set; }

    public List<Lineage> Children { get; set; } = [];

    public int? RootNodeId { get; set; }

    public Lineage? RootNode { get; set; }

    public string Mutation { get; set; } = "";

    public int? ReferenceId { get; set; }

    public Reference? Reference { get; set; }

    public DateTime Created { get; set; }

    public DateTime Modified { get; set; }

    public string? CreatedBy { get; set; }

    public string? UpdatedBy { get; set; }
}

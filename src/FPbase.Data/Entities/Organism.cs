namespace FPbase.Data.Entities;

public class Organism : ITimestamped
{
    /// <summary>NCBI taxonomy id (not generated).</summary>
    public int Id { get; set; }

    public string ScientificName { get; set; } = "";

    public string CommonName { get; set; } = "";

    public string Division { get; set; } = "";

    public string Genus { get; set; } = "";

    public string Species { get; set; } = "";

    public string Rank { get; set; } = "";

    public List<Protein> Proteins { get; set; } = [];

    public DateTime Created { get; set; }

    public DateTime Modified { get; set; }

    public string? CreatedBy { get; set; }

    public string? UpdatedBy { get; set; }
}

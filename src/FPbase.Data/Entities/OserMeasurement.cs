namespace FPbase.Data.Entities;

/// <summary>OSER assay result (percentage of cells without ER whorls).</summary>
public class OserMeasurement : ITimestamped
{
    public int Id { get; set; }

    public double? Percent { get; set; }

    public double? PercentStddev { get; set; }

    public int? PercentNcells { get; set; }

    public double? Oserne { get; set; }

    public double? OserneStddev { get; set; }

    public int? OserneNcells { get; set; }

    public string Celltype { get; set; } = "";

    public double? Temp { get; set; }

    public int ProteinId { get; set; }

    public Protein Protein { get; set; } = null!;

    public int? ReferenceId { get; set; }

    public Reference? Reference { get; set; }

    public DateTime Created { get; set; }

    public DateTime Modified { get; set; }

    public string? CreatedBy { get; set; }

    public string? UpdatedBy { get; set; }
}

namespace FPbase.Data.Entities;

public class BleachMeasurement : ITimestamped
{
    public int Id { get; set; }

    /// <summary>Photobleaching half-life (s).</summary>
    public double Rate { get; set; }

    /// <summary>Illumination power (-1 when not reported).</summary>
    public double? Power { get; set; }

    /// <summary>Free text, e.g. "W/cm2".</summary>
    public string Units { get; set; } = "";

    public BleachLight? Light { get; set; }

    public int? Bandcenter { get; set; }

    public int? Bandwidth { get; set; }

    public BleachModality? Modality { get; set; }

    public double? Temp { get; set; }

    public string Fusion { get; set; } = "";

    /// <summary>-1 unknown, 0 no, 1 yes (FPbase's in_cell).</summary>
    public int InCell { get; set; } = -1;

    public string CellType { get; set; } = "";

    public int? ReferenceId { get; set; }

    public Reference? Reference { get; set; }

    public int StateId { get; set; }

    public State State { get; set; } = null!;

    public DateTime Created { get; set; }

    public DateTime Modified { get; set; }

    public string? CreatedBy { get; set; }

    public string? UpdatedBy { get; set; }
}

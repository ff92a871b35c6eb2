namespace FPbase.Data.Entities;

public class OpticalConfig : ITimestamped, IRowVersioned
{
    public int Id { get; set; }

    /// <summary>The concurrency token of the config and its filter placements (<see cref="IRowVersioned"/>).</summary>
    public Guid Version { get; set; }

    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    public string Comments { get; set; } = "";

    public string MicroscopeId { get; set; } = "";

    public Microscope Microscope { get; set; } = null!;

    public int? LightId { get; set; }

    public Light? Light { get; set; }

    public int? CameraId { get; set; }

    public Camera? Camera { get; set; }

    /// <summary>Laser line in nm (instead of a light source).</summary>
    public int? Laser { get; set; }

    public List<FilterPlacement> FilterPlacements { get; set; } = [];

    public DateTime Created { get; set; }

    public DateTime Modified { get; set; }

    public string? CreatedBy { get; set; }

    public string? UpdatedBy { get; set; }
}

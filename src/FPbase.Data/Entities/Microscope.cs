namespace FPbase.Data.Entities;

public class Microscope : ITimestamped, IRowVersioned
{
    /// <summary>22-character FPbase shortuuid (see <see cref="Domain.ShortUuid.MicroscopeId(System.Random)"/>).</summary>
    public string Id { get; set; } = "";

    /// <summary>The concurrency token (<see cref="IRowVersioned"/>).</summary>
    public Guid Version { get; set; }

    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    public List<int> ExtraLasers { get; set; } = [];

    public int CfgMinWave { get; set; } = 350;

    public int CfgMaxWave { get; set; } = 800;

    public bool CfgCalcEfficiency { get; set; } = true;

    public bool CfgFillArea { get; set; } = true;

    public bool CfgEnablePanZoom { get; set; } = true;

    public List<OpticalConfig> OpticalConfigs { get; set; } = [];

    public List<Light> ExtraLights { get; set; } = [];

    public List<Camera> ExtraCameras { get; set; } = [];

    public DateTime Created { get; set; }

    public DateTime Modified { get; set; }

    public string? CreatedBy { get; set; }

    public string? UpdatedBy { get; set; }
}

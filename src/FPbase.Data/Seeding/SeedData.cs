using FPbase.Data.Entities;

namespace FPbase.Data.Seeding;

/// <summary>
/// Rows to insert, navigation-free (foreign keys as ids, explicit primary keys), in dependency order.
/// Circular links (protein → default state, lineage → root) are applied after the inserts.
/// </summary>
internal sealed class SeedData
{
    public List<Organism> Organisms { get; } = [];

    public List<Reference> References { get; } = [];

    public List<Author> Authors { get; } = [];

    public List<ReferenceAuthor> ReferenceAuthors { get; } = [];

    public List<Protein> Proteins { get; } = [];

    public List<Dye> Dyes { get; } = [];

    public List<FluorescentState> States { get; } = [];

    public List<ProteinReference> ProteinReferences { get; } = [];

    public List<Filter> Filters { get; } = [];

    public List<Light> Lights { get; } = [];

    public List<Camera> Cameras { get; } = [];

    public List<Spectrum> Spectra { get; } = [];

    public List<Microscope> Microscopes { get; } = [];

    public List<(string MicroscopeId, int LightId)> MicroscopeExtraLights { get; } = [];

    public List<(string MicroscopeId, int CameraId)> MicroscopeExtraCameras { get; } = [];

    public List<OpticalConfig> OpticalConfigs { get; } = [];

    public List<FilterPlacement> FilterPlacements { get; } = [];

    /// <summary>Ordered so that parents come before children.</summary>
    public List<Lineage> Lineages { get; } = [];

    public List<Excerpt> Excerpts { get; } = [];

    public List<(int ExcerptId, int ProteinId)> ExcerptProteins { get; } = [];

    public List<BleachMeasurement> BleachMeasurements { get; } = [];

    public List<StateTransition> StateTransitions { get; } = [];

    public List<OserMeasurement> OserMeasurements { get; } = [];

    /// <summary>protein id → default state id, applied after states exist.</summary>
    public Dictionary<int, int> DefaultStates { get; } = [];

    /// <summary>lineage id → root lineage id, applied after lineages exist (roots point to themselves).</summary>
    public Dictionary<int, int> LineageRoots { get; } = [];
}

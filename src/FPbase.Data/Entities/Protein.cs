namespace FPbase.Data.Entities;

public class Protein : ITimestamped, IRowVersioned
{
    public int Id { get; set; }

    /// <summary>The concurrency token of the protein and everything its edits change (<see cref="IRowVersioned"/>).</summary>
    public Guid Version { get; set; }

    /// <summary>5 characters from <see cref="Domain.ShortUuid.ProteinAlphabet"/> (e.g. EGFP = R9NL8). Unique.</summary>
    public string Uuid { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>Slugified name (<c>mRFP1.2</c> → <c>mrfp12</c>). Unique.</summary>
    public string Slug { get; set; } = "";

    public string BaseName { get; set; } = "";

    public List<string> Aliases { get; set; } = [];

    public string Chromophore { get; set; } = "";

    /// <summary>Amino-acid sequence (one-letter codes).</summary>
    public string? Seq { get; set; }

    public string? Genbank { get; set; }

    public string? Uniprot { get; set; }

    public string? IpgId { get; set; }

    public List<string> Pdb { get; set; } = [];

    public Aggregation? Agg { get; set; }

    public SwitchType? SwitchType { get; set; }

    public string Cofactor { get; set; } = "";

    public string Blurb { get; set; } = "";

    public ProteinStatus Status { get; set; } = ProteinStatus.Pending;

    public int? ParentOrganismId { get; set; }

    public Organism? ParentOrganism { get; set; }

    public int? PrimaryReferenceId { get; set; }

    public Reference? PrimaryReference { get; set; }

    /// <summary>Nullable on purpose: a protein row exists before its states (circular FK).</summary>
    public int? DefaultStateId { get; set; }

    public State? DefaultState { get; set; }

    public List<State> States { get; set; } = [];

    public List<ProteinReference> ProteinReferences { get; set; } = [];

    public List<StateTransition> Transitions { get; set; } = [];

    public List<OserMeasurement> OserMeasurements { get; set; } = [];

    public List<Excerpt> Excerpts { get; set; } = [];

    public Lineage? Lineage { get; set; }

    public DateTime Created { get; set; }

    public DateTime Modified { get; set; }

    public string? CreatedBy { get; set; }

    public string? UpdatedBy { get; set; }
}

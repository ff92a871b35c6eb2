namespace FPbase.Data.Entities;

/// <summary>Light-induced transition between two states of a protein.</summary>
public class StateTransition : ITimestamped
{
    public int Id { get; set; }

    /// <summary>Wavelength (nm) that drives the transition.</summary>
    public int? TransWave { get; set; }

    public int ProteinId { get; set; }

    public Protein Protein { get; set; } = null!;

    public int FromStateId { get; set; }

    public State FromState { get; set; } = null!;

    public int ToStateId { get; set; }

    public State ToState { get; set; } = null!;

    public DateTime Created { get; set; }

    public DateTime Modified { get; set; }

    public string? CreatedBy { get; set; }

    public string? UpdatedBy { get; set; }
}

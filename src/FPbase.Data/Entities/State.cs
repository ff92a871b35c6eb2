namespace FPbase.Data.Entities;

/// <summary>A state of a <see cref="Protein"/> (discriminator "p").</summary>
public class State : FluorescentState
{
    public int ProteinId { get; set; }

    public Protein Protein { get; set; } = null!;

    public List<BleachMeasurement> BleachMeasurements { get; set; } = [];
}

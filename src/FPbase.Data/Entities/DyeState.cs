namespace FPbase.Data.Entities;

/// <summary>A state of a <see cref="Dye"/> (discriminator "d").</summary>
public class DyeState : FluorescentState
{
    public int DyeId { get; set; }

    public Dye Dye { get; set; } = null!;
}

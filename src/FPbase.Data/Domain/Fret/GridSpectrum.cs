namespace FPbase.Data.Domain.Fret;

/// <summary>
/// A spectrum on the common 1 nm grid every stored spectrum uses: <see cref="Values"/>[i] is the value at
/// <see cref="MinWave"/> + i nm (as <see cref="Entities.Spectrum"/> stores it).
/// </summary>
public readonly record struct GridSpectrum(int MinWave, float[] Values)
{
    /// <summary>The last wavelength with a value.</summary>
    public int MaxWave => MinWave + Values.Length - 1;
}

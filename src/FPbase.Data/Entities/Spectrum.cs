namespace FPbase.Data.Entities;

/// <summary>
/// A spectrum on a 1 nm grid: <see cref="Values"/>[i] is the value at <see cref="MinWave"/> + i nm.
/// Exactly one owner is set (database CHECK): a fluorescent state (many spectra per state) or a filter,
/// light or camera (one spectrum each). Ordinary queries see approved spectra only (global query filter);
/// use <c>IgnoreQueryFilters()</c> for admin views.
/// </summary>
public class Spectrum : ITimestamped
{
    public int Id { get; set; }

    public SpectrumCategory Category { get; set; }

    public SpectrumSubtype Subtype { get; set; }

    public int MinWave { get; set; }

    public int MaxWave { get; set; }

    /// <summary>Stored as little-endian float32 bytes.</summary>
    public float[] Values { get; set; } = [];

    public double? ScaleFactor { get; set; }

    public int? PeakWave { get; set; }

    public SpectrumStatus Status { get; set; } = SpectrumStatus.Approved;

    public double? Ph { get; set; }

    public string Solvent { get; set; } = "";

    public string Source { get; set; } = "";

    public int? OwnerFluorId { get; set; }

    public FluorescentState? OwnerFluor { get; set; }

    public int? OwnerFilterId { get; set; }

    public Filter? OwnerFilter { get; set; }

    public int? OwnerLightId { get; set; }

    public Light? OwnerLight { get; set; }

    public int? OwnerCameraId { get; set; }

    public Camera? OwnerCamera { get; set; }

    public int? ReferenceId { get; set; }

    public Reference? Reference { get; set; }

    public DateTime Created { get; set; }

    public DateTime Modified { get; set; }

    public string? CreatedBy { get; set; }

    public string? UpdatedBy { get; set; }

    /// <summary>Sets <see cref="MinWave"/>, <see cref="Values"/>, <see cref="MaxWave"/> and FPbase's
    /// <see cref="PeakWave"/> (the first wavelength with value 1, else the maximum).</summary>
    public void SetData(int minWave, float[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        MinWave = minWave;
        Values = values;
        MaxWave = minWave + Math.Max(values.Length - 1, 0);
        PeakWave = ComputePeakWave(minWave, values);
    }

    /// <summary>FPbase's peak_wave (ignoring values below 300 nm when the data starts there).</summary>
    public static int? ComputePeakWave(int minWave, ReadOnlySpan<float> values)
    {
        if (values.IsEmpty)
        {
            return null;
        }

        var start = minWave < 300 ? Math.Min(300 - minWave + 1, values.Length - 1) : 0;
        if (minWave >= 300)
        {
            var one = values.IndexOf(1f);
            if (one >= 0)
            {
                return minWave + one;
            }
        }

        var best = start;
        for (var i = start + 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return minWave + best;
    }
}

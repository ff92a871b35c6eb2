using FPbase.Data.Domain;

namespace FPbase.Data.Entities;

/// <summary>
/// Something that glows: a protein <see cref="State"/> or a <see cref="DyeState"/> (TPH, table
/// <c>fluor_states</c>, discriminator <c>entity_type</c> = "p" / "d"). Setting <see cref="ExtCoeff"/> or
/// <see cref="Qy"/> recomputes the stored <see cref="Brightness"/>; setting <see cref="ExMax"/>,
/// <see cref="EmMax"/> or <see cref="IsDark"/> recomputes the stored hex colours (FPbase's save()).
/// </summary>
public abstract class FluorescentState : ITimestamped
{
    public int Id { get; set; }

    /// <summary>State label within its owner ("default", "red", "on"...).</summary>
    public string Name { get; set; } = "default";

    /// <summary>Stored, never recomputed (e.g. <c>egfp_default</c>). Unique.</summary>
    public string Slug { get; set; } = "";

    /// <summary>Protein/dye name, denormalized like FPbase's <c>owner_name</c> (for lists and search).</summary>
    public string OwnerName { get; set; } = "";

    /// <summary>Protein/dye slug, denormalized like FPbase's <c>owner_slug</c> (for URLs).</summary>
    public string OwnerSlug { get; set; } = "";

    public int? ExMax
    {
        get;
        set
        {
            field = value;
            ExHex = WaveToHex.Convert(value);
        }
    }

    public int? EmMax
    {
        get;
        set
        {
            field = value;
            EmHex = IsDark ? "#000" : WaveToHex.Convert(value);
        }
    }

    public string ExHex { get; set; } = "#000";

    public string EmHex { get; set; } = "#000";

    public int? ExtCoeff
    {
        get;
        set
        {
            field = value;
            RecomputeBrightness();
        }
    }

    public double? Qy
    {
        get;
        set
        {
            field = value;
            RecomputeBrightness();
        }
    }

    /// <summary>ext_coeff × qy / 1000, rounded to 2 decimals; stored.</summary>
    public double? Brightness { get; set; }

    public double? Lifetime { get; set; }

    public double? Pka { get; set; }

    public double? Maturation { get; set; }

    public int? TwopExMax { get; set; }

    public double? TwopPeakGM { get; set; }

    public double? TwopQy { get; set; }

    public bool IsDark
    {
        get;
        set
        {
            field = value;
            EmHex = value ? "#000" : WaveToHex.Convert(EmMax);
        }
    }

    public List<Spectrum> Spectra { get; set; } = [];

    public DateTime Created { get; set; }

    public DateTime Modified { get; set; }

    public string? CreatedBy { get; set; }

    public string? UpdatedBy { get; set; }

    private void RecomputeBrightness()
    {
        // FPbase only (re)computes when both values are present; otherwise the stored value is kept.
        if (Photophysics.Brightness(ExtCoeff, Qy) is { } b)
        {
            Brightness = b;
        }
    }
}

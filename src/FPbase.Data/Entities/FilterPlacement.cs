namespace FPbase.Data.Entities;

/// <summary>A filter in an optical config's excitation path, emission path or as beamsplitter.</summary>
public class FilterPlacement
{
    public int Id { get; set; }

    public int FilterId { get; set; }

    public Filter Filter { get; set; } = null!;

    public int ConfigId { get; set; }

    public OpticalConfig Config { get; set; } = null!;

    public FilterPath Path { get; set; }

    /// <summary>For beamsplitters: the light of interest is reflected rather than transmitted.</summary>
    public bool Reflects { get; set; }
}

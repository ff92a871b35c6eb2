using FPbase.Data.Domain;

namespace FPbase.Data.Entities;

public class Filter : Product
{
    public int? Bandcenter { get; set; }

    public int? Bandwidth { get; set; }

    public double? Edge { get; set; }

    /// <summary>Average transmission across the band.</summary>
    public double? Tavg { get; set; }

    /// <summary>Angle of incidence (degrees).</summary>
    public int? Aoi { get; set; }

    public Spectrum? Spectrum { get; set; }

    public List<FilterPlacement> Placements { get; set; } = [];

    /// <summary>Sets the slug from the name and bandcenter/bandwidth/edge from the name (FPbase's save()).</summary>
    public void ApplyName(string name)
    {
        Name = name;
        Slug = Slugify.ForProduct(name);
        var parsed = FilterNameParser.Parse(name);
        Bandcenter = parsed.Bandcenter;
        Bandwidth = parsed.Bandwidth;
        Edge = parsed.Edge;
    }
}

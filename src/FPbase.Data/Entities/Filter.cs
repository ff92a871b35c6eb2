using FPbase.Data.Domain;

namespace FPbase.Data.Entities;

public class Filter : ITimestamped
{
    public int Id { get; set; }

    /// <summary>Manufacturer + part, e.g. "Chroma ET525/50m".</summary>
    public string Name { get; set; } = "";

    /// <summary>FPbase's product slug: slugify(name with "/" → "-"), e.g. <c>chroma-et525-50m</c>. Unique.</summary>
    public string Slug { get; set; } = "";

    public string Manufacturer { get; set; } = "";

    public string Part { get; set; } = "";

    public string Url { get; set; } = "";

    public int? Bandcenter { get; set; }

    public int? Bandwidth { get; set; }

    public double? Edge { get; set; }

    /// <summary>Average transmission across the band.</summary>
    public double? Tavg { get; set; }

    /// <summary>Angle of incidence (degrees).</summary>
    public int? Aoi { get; set; }

    public Spectrum? Spectrum { get; set; }

    public List<FilterPlacement> Placements { get; set; } = [];

    public DateTime Created { get; set; } = DateTime.UtcNow;

    public DateTime Modified { get; set; } = DateTime.UtcNow;

    public string? CreatedBy { get; set; }

    public string? UpdatedBy { get; set; }

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

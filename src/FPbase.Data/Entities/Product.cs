namespace FPbase.Data.Entities;

/// <summary>
/// What FPbase's Product and SpectrumOwner mixins give dyes, filters, lights and cameras: a name, a unique
/// slug, the manufacturer's part and page. Not an entity of its own: each product has its own table.
/// </summary>
public abstract class Product : ITimestamped
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>FPbase's product slug (see <see cref="Domain.Slugify.ForProduct"/>). Unique.</summary>
    public string Slug { get; set; } = "";

    public string Manufacturer { get; set; } = "";

    public string Part { get; set; } = "";

    public string Url { get; set; } = "";

    public DateTime Created { get; set; }

    public DateTime Modified { get; set; }

    public string? CreatedBy { get; set; }

    public string? UpdatedBy { get; set; }
}

namespace FPbase.Data.Entities;

public class Dye : ITimestamped
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Unique.</summary>
    public string Slug { get; set; } = "";

    public string Manufacturer { get; set; } = "";

    public string Part { get; set; } = "";

    public string Url { get; set; } = "";

    public int? PrimaryReferenceId { get; set; }

    public Reference? PrimaryReference { get; set; }

    public List<DyeState> States { get; set; } = [];

    public DateTime Created { get; set; } = DateTime.UtcNow;

    public DateTime Modified { get; set; } = DateTime.UtcNow;

    public string? CreatedBy { get; set; }

    public string? UpdatedBy { get; set; }
}

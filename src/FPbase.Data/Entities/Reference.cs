namespace FPbase.Data.Entities;

public class Reference : ITimestamped
{
    public int Id { get; set; }

    /// <summary>Always stored lowercased (the setter lowercases). Unique.</summary>
    public string Doi
    {
        get;
        set => field = (value ?? "").Trim().ToLowerInvariant();
    } = "";

    public string? Pmid { get; set; }

    public string Title { get; set; } = "";

    public string Journal { get; set; } = "";

    public string Pages { get; set; } = "";

    public string Volume { get; set; } = "";

    public string Issue { get; set; } = "";

    public string FirstAuthor { get; set; } = "";

    /// <summary>"Cormack et al. (1996)"; see <see cref="UpdateCitation"/>.</summary>
    public string Citation { get; set; } = "";

    public DateOnly? Date { get; set; }

    public int? Year { get; set; }

    public string Summary { get; set; } = "";

    /// <summary>Authors in order (<see cref="ReferenceAuthor.Order"/>).</summary>
    public List<ReferenceAuthor> ReferenceAuthors { get; set; } = [];

    public List<ProteinReference> ProteinReferences { get; set; } = [];

    public DateTime Created { get; set; }

    public DateTime Modified { get; set; }

    public string? CreatedBy { get; set; }

    public string? UpdatedBy { get; set; }

    /// <summary>FPbase's citation from ordered author family names: "A (y)", "A &amp; B (y)" or "A et al. (y)".
    /// Also sets <see cref="FirstAuthor"/>.</summary>
    public void UpdateCitation(IReadOnlyList<string> familyNames)
    {
        ArgumentNullException.ThrowIfNull(familyNames);
        var year = Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
        FirstAuthor = familyNames.Count > 0 ? familyNames[0] : "";
        Citation = familyNames.Count switch
        {
            0 => Citation,
            1 => $"{familyNames[0]} ({year})",
            2 => $"{familyNames[0]} & {familyNames[1]} ({year})",
            _ => $"{familyNames[0]} et al. ({year})",
        };
    }
}

namespace FPbase.Data.Entities;

public class Author : ITimestamped
{
    public int Id { get; set; }

    public string FamilyName { get; set; } = "";

    public string GivenName { get; set; } = "";

    /// <summary>e.g. "TJ".</summary>
    public string Initials { get; set; } = "";

    public List<ReferenceAuthor> ReferenceAuthors { get; set; } = [];

    public DateTime Created { get; set; }

    public DateTime Modified { get; set; }
}

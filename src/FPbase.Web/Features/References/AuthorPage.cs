namespace FPbase.Web.Features.References;

/// <summary>An author's page: the name, the references (newest first) with the author's place among their authors, and the proteins they introduced.</summary>
public sealed record AuthorPage(int Id, string FamilyName, string GivenName, string Initials, IReadOnlyList<AuthorReference> References, IReadOnlyList<CitingProtein> Proteins)
{
    public string FullName => string.IsNullOrEmpty(GivenName) ? $"{FamilyName} {Initials}".Trim() : $"{GivenName} {FamilyName}";
}

/// <summary>One reference of an author.</summary>
public sealed record AuthorReference(int Id, string Doi, string Citation, string Title, string Journal, int? Year);

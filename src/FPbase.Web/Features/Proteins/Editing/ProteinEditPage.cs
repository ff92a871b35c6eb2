using FPbase.Web.Features.Editing;

namespace FPbase.Web.Features.Proteins.Editing;

/// <summary>The edit page's model: the protein as it is, its latest revisions, and the errors of a refused form.</summary>
public sealed record ProteinEditPage(ProteinDetail Protein, IReadOnlyList<(int Id, string Action, string User, DateTime Created)> Revisions, IDictionary<string, string[]> Errors);

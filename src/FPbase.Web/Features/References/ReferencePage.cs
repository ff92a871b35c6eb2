using FPbase.Data.Domain;
using FPbase.Data.Entities;

namespace FPbase.Web.Features.References;

/// <summary>A reference page: the reference with its authors in order, the visible proteins citing it (primary first) and its approved excerpts.</summary>
public sealed record ReferencePage(Reference Reference, IReadOnlyList<string> Authors, IReadOnlyList<CitingProtein> Proteins, IReadOnlyList<Excerpt> Excerpts)
{
    /// <summary>Links the protein names in the excerpts (FPbase's excerpt links).</summary>
    public ProteinNameLinker Names { get; init; } = ProteinNameLinker.Empty;
}

/// <summary>A protein that cites a reference; <see cref="IsPrimary"/> when it is the protein's primary reference.</summary>
public sealed record CitingProtein(string Name, string Slug, bool IsPrimary);

/// <summary>One row of the references list.</summary>
public sealed record ReferenceListItem(int Id, string Doi, string Citation, string Title, string Journal, int? Year, IReadOnlyList<CitingProtein> Proteins);

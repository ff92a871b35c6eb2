namespace FPbase.Web.Features.Organisms;

/// <summary>One row of the organisms list: the NCBI taxonomy id, names, and how many visible proteins come from it.</summary>
public sealed record OrganismListItem(int Id, string ScientificName, string CommonName, string Division, int Proteins);

/// <summary>An organism's page: its taxonomy and the visible proteins from it, by name.</summary>
public sealed record OrganismPage(int Id, string ScientificName, string CommonName, string Division, string Rank, IReadOnlyList<OrganismProtein> Proteins);

/// <summary>A protein on an organism's page, with its default state's maxima and emission colour.</summary>
public sealed record OrganismProtein(string Name, string Slug, int? ExMax, int? EmMax, string? EmHex);

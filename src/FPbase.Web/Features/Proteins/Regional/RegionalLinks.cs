namespace FPbase.Web.Features.Proteins.Regional;

/// <summary>
/// Plasmid repositories offered only to visitors from some countries, as FPbase offers WeKwikGene (Westlake
/// Laboratory's plasmid repository) to visitors from China.
/// </summary>
public sealed record RegionalLinks(string ProteinName, IReadOnlyList<RegionalLink> Links)
{
    public static RegionalLinks For(string proteinName, string? country) => new(
        proteinName,
        country == "CN"
            ? [new RegionalLink("WeKwikGene", "https://wekwikgene.wllsb.edu.cn/plasmids?search=" + Uri.EscapeDataString(proteinName))]
            : []);
}

public sealed record RegionalLink(string Repository, string SearchUrl);

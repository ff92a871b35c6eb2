using System.Text.Json.Serialization;

namespace FPbase.Web.Features.Proteins.Lineage;

/// <summary>
/// FPbase's <c>/ajax/lineage/{slug}/</c> JSON: a "fakeroot" whose children are the lineage roots (here the
/// one tree holding the protein, cut to its ancestors and descendants as FPbase's <c>get_family</c> does),
/// with per-level node counts and the tree's extent.
/// </summary>
public sealed record LineageTree(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("children")] IReadOnlyList<LineageTreeNode> Children,
    [property: JsonPropertyName("widths")] IReadOnlyDictionary<int, int> Widths,
    [property: JsonPropertyName("max_width")] int MaxWidth,
    [property: JsonPropertyName("max_depth")] int MaxDepth,
    [property: JsonPropertyName("tot_nodes")] int TotNodes);

/// <summary>
/// One protein of the tree, with FPbase's keys: <c>mut</c> (the mutation from its parent), <c>bg</c> (the
/// emission colour, or FPbase's <c>linear:</c> gradient stops for several states, or "?"), <c>ref</c> (the
/// citation of the lineage link's reference), <c>rootmut</c> (substitutions from the root's sequence, when both
/// sequences have the same length; empty otherwise) and <c>children</c> (left out for leaves).
/// </summary>
public sealed record LineageTreeNode(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("mut")] string Mut,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("bg")] string Bg,
    [property: JsonPropertyName("slug")] string Slug,
    [property: JsonPropertyName("ref")] string Ref,
    [property: JsonPropertyName("rootmut")] string RootMut,
    [property: JsonPropertyName("children"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<LineageTreeNode>? Children);

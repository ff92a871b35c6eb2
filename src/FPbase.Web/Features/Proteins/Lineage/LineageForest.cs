namespace FPbase.Web.Features.Proteins.Lineage;

/// <summary>Every lineage tree, as its nodes in pre-order with their depth (roots at 0): nested lists without recursion.</summary>
public sealed record LineageForest(IReadOnlyList<LineageForestNode> Nodes, int Trees);

/// <summary>One protein of the forest: its name, slug, the mutation from its parent, its emission colour and depth.</summary>
public sealed record LineageForestNode(string Name, string Slug, string Mutation, string? EmHex, int Depth);

using FPbase.Data;
using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Proteins.Lineage;

/// <summary>
/// The whole lineage in one query: visible proteins' nodes, walked from each root (a node whose parent is missing
/// or hidden) in name order, children in id order. A parent cycle cannot loop (each node is visited once), and a
/// cycle with no root is left out, as FPbase's tree, rooted at its root nodes, has no place for it either.
/// </summary>
internal static class LineageForestQuery
{
    private sealed record Node(int Id, int? ParentId, string Name, string Slug, string Mutation, string? EmHex);

    public static async Task<LineageForest> LoadAsync(FpbaseDbContext db, CancellationToken cancellationToken)
    {
        var nodes = await db.Lineages.AsNoTracking()
            .Where(l => l.Protein.Status != ProteinStatus.Hidden)
            .Select(l => new Node(l.Id, l.ParentId, l.Protein.Name, l.Protein.Slug, l.Mutation, l.Protein.DefaultState == null ? null : l.Protein.DefaultState.EmHex))
            .ToListAsync(cancellationToken);
        var byId = nodes.ToDictionary(n => n.Id);
        var children = nodes.Where(n => n.ParentId is { } p && byId.ContainsKey(p))
            .OrderBy(n => n.Id).ToLookup(n => n.ParentId!.Value);
        var roots = nodes.Where(n => n.ParentId is not { } p || !byId.ContainsKey(p))
            .OrderBy(n => n.Name.ToLowerInvariant(), StringComparer.Ordinal).ThenBy(n => n.Id).ToList();

        var visited = new HashSet<int>();
        var ordered = new List<LineageForestNode>(nodes.Count);
        var trees = 0;
        foreach (var root in roots)
        {
            // A root without children is a protein with no relatives: not a tree.
            if (!children[root.Id].Any())
            {
                continue;
            }

            trees++;
            var pending = new Stack<(Node Node, int Depth)>([(root, 0)]);
            while (pending.TryPop(out var item))
            {
                if (!visited.Add(item.Node.Id))
                {
                    continue;
                }

                ordered.Add(new LineageForestNode(item.Node.Name, item.Node.Slug, item.Node.Mutation, item.Node.EmHex, item.Depth));
                if (item.Depth < LineageTreeQuery.MaxGenerations)
                {
                    foreach (var child in children[item.Node.Id].Reverse())
                    {
                        pending.Push((child, item.Depth + 1));
                    }
                }
            }
        }

        return new LineageForest(ordered, trees);
    }
}

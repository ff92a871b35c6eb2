using System.Globalization;
using System.Text;
using FPbase.Data;
using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Proteins.Lineage;

/// <summary>Builds FPbase's lineage JSON for one protein from its tree, read in two queries.</summary>
internal static class LineageTreeQuery
{
    /// <summary>Generations shown below a root; a deeper tree is cut there (FPbase's deepest is about 20).</summary>
    public const int MaxGenerations = 400;

    private sealed record Node(int Id, int? ParentId, string Name, string Slug, string? Seq, string Mutation, string Citation, int? DefaultStateId);

    public static async Task<LineageTree?> LoadAsync(FpbaseDbContext db, string slug, CancellationToken cancellationToken)
    {
        var start = await db.Lineages.AsNoTracking()
            .Where(l => l.Protein.Slug == slug && l.Protein.Status != ProteinStatus.Hidden)
            .Select(l => new { l.Id, Root = l.RootNodeId ?? l.Id })
            .FirstOrDefaultAsync(cancellationToken);
        if (start is null)
        {
            return null;
        }

        var nodes = await db.Lineages.AsNoTracking()
            .Where(l => (l.RootNodeId ?? l.Id) == start.Root && l.Protein.Status != ProteinStatus.Hidden)
            .Select(l => new Node(l.Id, l.ParentId, l.Protein.Name, l.Protein.Slug, l.Protein.Seq, l.Mutation,
                l.Reference == null ? "" : l.Reference.Citation, l.Protein.DefaultStateId))
            .ToListAsync(cancellationToken);
        var proteinIds = await db.Lineages.AsNoTracking().Where(l => (l.RootNodeId ?? l.Id) == start.Root).Select(l => new { l.Id, l.ProteinId }).ToListAsync(cancellationToken);
        var proteinOf = proteinIds.ToDictionary(p => p.Id, p => p.ProteinId);
        var ids = proteinOf.Values.ToList();
        var states = (await db.States.AsNoTracking()
                .Where(s => ids.Contains(s.ProteinId))
                .Select(s => new { s.Id, s.ProteinId, s.IsDark, s.EmMax, s.EmHex })
                .ToListAsync(cancellationToken))
            .OrderByDescending(s => s.IsDark).ThenBy(s => s.EmMax ?? int.MaxValue).ThenBy(s => s.Id)
            .ToLookup(s => s.ProteinId);

        var byId = nodes.ToDictionary(n => n.Id);
        var children = nodes.Where(n => n.ParentId is { } p && byId.ContainsKey(p)).ToLookup(n => n.ParentId!.Value);

        // FPbase's get_family: the protein's ancestors, itself and its descendants.
        // Links are data: a parent cycle (two nodes each other's parent) stops both walks instead of looping.
        var family = new HashSet<int>();
        for (int? id = start.Id; id is { } current && byId.TryGetValue(current, out var node) && family.Add(current); id = node.ParentId)
        {
        }

        var pending = new Stack<int>([start.Id]);
        var below = new HashSet<int>();
        while (pending.TryPop(out var id))
        {
            if (!below.Add(id))
            {
                continue;
            }

            family.Add(id);
            foreach (var child in children[id])
            {
                pending.Push(child.Id);
            }
        }

        var roots = nodes.Where(n => family.Contains(n.Id) && (n.ParentId is null || !byId.ContainsKey(n.ParentId.Value)))
            .OrderBy(n => n.Name.ToLowerInvariant(), StringComparer.Ordinal).ThenBy(n => n.Id).ToList();
        var widths = new SortedDictionary<int, int>();
        var top = new List<LineageTreeNode>();
        foreach (var root in roots)
        {
            var tree = Build(root, 0, root.Seq);
            if (tree.Children is not null)
            {
                top.Add(tree);
            }
        }

        return new LineageTree("fakeroot", top, widths, widths.Count == 0 ? 0 : widths.Values.Max(), widths.Count == 0 ? 0 : widths.Keys.Max(), widths.Values.Sum());

        LineageTreeNode Build(Node node, int level, string? rootSeq)
        {
            widths[level] = widths.GetValueOrDefault(level) + 1;
            var kids = level >= MaxGenerations
                ? []
                : children[node.Id].Where(c => family.Contains(c.Id)).OrderBy(c => c.Id).Select(c => Build(c, level + 1, rootSeq)).ToList();
            return new LineageTreeNode(
                node.Name,
                node.Mutation,
                $"/protein/{node.Slug}/",
                Background(states[proteinOf[node.Id]].Select(s => (s.Id, s.EmHex)).ToList(), node.DefaultStateId),
                node.Slug,
                node.Citation,
                Substitutions(rootSeq, node.Seq),
                kids.Count > 0 ? kids : null);
        }
    }

    /// <summary>FPbase's <c>em_svg</c>: one state's emission colour, or gradient stops for several.</summary>
    private static string Background(IReadOnlyList<(int Id, string EmHex)> states, int? defaultStateId)
    {
        if (states.Count <= 1)
        {
            return states.FirstOrDefault(s => s.Id == defaultStateId) is { EmHex: { Length: > 0 } hex } ? hex : "?";
        }

        var step = 100 / (states.Count + 1);
        var svg = new StringBuilder("linear:");
        for (var i = 0; i < states.Count; i++)
        {
            var percent = (i + 1.0) * step;
            if (states[i].EmHex == "#000")
            {
                percent *= 0.2;
            }

            svg.Append(CultureInfo.InvariantCulture, $"<stop offset=\"{PythonFloat(percent)}%\" style=\"stop-color:{states[i].EmHex};\" />");
        }

        return svg.ToString();
    }

    private static string PythonFloat(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }

    /// <summary>Point substitutions between equal-length sequences ("K26R/Q69K", 1-based); empty when there is no simple answer.</summary>
    private static string Substitutions(string? from, string? to)
    {
        if (string.IsNullOrEmpty(from) || string.IsNullOrEmpty(to) || from.Length != to.Length)
        {
            return "";
        }

        var changes = new List<string>();
        for (var i = 0; i < from.Length; i++)
        {
            if (from[i] != to[i])
            {
                changes.Add(string.Create(CultureInfo.InvariantCulture, $"{from[i]}{i + 1}{to[i]}"));
            }
        }

        return string.Join('/', changes);
    }
}

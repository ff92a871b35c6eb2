using System.Text.Json;
using FPbase.Data;
using FPbase.Web.Features.GraphQL.Types;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace FPbase.Web.Features.GraphQL.Caching;

/// <summary>
/// Walks one query operation's selections (fragments included) through the schema and collects the
/// resources of every type it reaches (<see cref="GraphQLResourceMap"/>). Under <c>protein(id: "...")</c>
/// the per-row resource <c>protein:{uuid}</c> stands for everything that protein's page shows.
/// Returns null when the selection names something the schema does not know, reaches a type no list
/// resource covers, or takes more than <see cref="MaxSelections"/> steps.
/// </summary>
/// <remarks>
/// Bounded before GraphQL.NET's own depth and complexity limits run: a fragment spread into the same
/// parent type in the same state adds the same resources again, so each (fragment, type, state) is
/// walked once (30 nested fragments spreading the next one twice are 30 walks, not 2^30), and every
/// selection visited counts against <see cref="MaxSelections"/>.
/// </remarks>
internal sealed class GraphQLResourceWalker
{
    /// <summary>The most selections one walk visits; beyond it the query is answered uncached (and refused by the endpoint).</summary>
    public const int MaxSelections = Transport.GraphQLDocuments.MaxExpandedSelections;

    private readonly ISchema _schema;
    private readonly JsonElement? _variables;
    private readonly HashSet<string> _resources = new(StringComparer.Ordinal);
    private readonly Stack<string> _fragments = new();
    private readonly HashSet<(string Fragment, string Parent, bool Covered, bool Root)> _walked = [];
    private readonly Dictionary<string, GraphQLFragmentDefinition> _definitions = new(StringComparer.Ordinal);
    private int _budget = MaxSelections;
    private bool _uncoverable;

    private GraphQLResourceWalker(ISchema schema, GraphQLDocument document, JsonElement? variables)
    {
        _schema = schema;
        _variables = variables;
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            _definitions.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        }
    }

    public static IReadOnlyList<string>? Collect(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation, JsonElement? variables)
    {
        var walker = new GraphQLResourceWalker(schema, document, variables);
        if (!walker.WalkRoot(operation.SelectionSet))
        {
            return null;
        }

        if (walker._resources.Count == 0)
        {
            walker._resources.Add(GraphQLResourceMap.Schema);
        }

        return walker._resources.Order(StringComparer.Ordinal).ToList();
    }

    private bool WalkRoot(GraphQLSelectionSet selectionSet)
    {
        var query = _schema.Query;
        return WalkSelections(selectionSet, query, covered: false, root: true);
    }

    private bool WalkSelections(GraphQLSelectionSet selectionSet, IGraphType parent, bool covered, bool root = false)
    {
        foreach (var selection in selectionSet.Selections)
        {
            if (--_budget < 0)
            {
                return false;
            }

            var ok = selection switch
            {
                GraphQLField field => WalkField(field, parent, covered, root),
                GraphQLInlineFragment inline => WalkFragment(inline.TypeCondition, inline.SelectionSet, parent, covered, root),
                GraphQLFragmentSpread spread => WalkSpread(spread, parent, covered, root),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private bool WalkSpread(GraphQLFragmentSpread spread, IGraphType parent, bool covered, bool root)
    {
        var name = spread.FragmentName.Name.StringValue;
        if (!_definitions.TryGetValue(name, out var fragment) || _fragments.Contains(name))
        {
            return false;
        }

        if (!_walked.Add((name, parent.Name, covered, root)))
        {
            // Walked before in this very state: it added what it adds (a failed walk ends the whole walk).
            return true;
        }

        _fragments.Push(name);
        var ok = WalkFragment(fragment.TypeCondition, fragment.SelectionSet, parent, covered, root);
        _fragments.Pop();
        return ok;
    }

    private bool WalkFragment(GraphQLTypeCondition? condition, GraphQLSelectionSet selectionSet, IGraphType parent, bool covered, bool root)
    {
        var type = parent;
        if (condition is not null)
        {
            var name = condition.Type.Name.StringValue;
            if (_schema.AllTypes[name] is not { } named)
            {
                return false;
            }

            type = named;
            if (!root)
            {
                covered = AddType(type, covered);
                if (_uncoverable)
                {
                    return false;
                }
            }
        }

        return WalkSelections(selectionSet, type, covered, root);
    }

    private bool WalkField(GraphQLField field, IGraphType parent, bool covered, bool root)
    {
        var name = field.Name.StringValue;
        if (name == "__typename")
        {
            return true;
        }

        if (name is "__schema" or "__type")
        {
            _resources.Add(GraphQLResourceMap.Schema);
            return true;
        }

        if (parent is not IComplexGraphType complex || complex.GetField(name) is not { ResolvedType: { } resolved })
        {
            return false;
        }

        var type = resolved.GetNamedType();
        if (root)
        {
            covered = name == "protein" && ProteinRow(field) is { } row && AddProteinRow(row);
        }
        else if (covered && GraphQLResourceMap.LeavesProteinRow.Contains(parent.Name + "." + name))
        {
            covered = false;
        }

        if (field.SelectionSet is null)
        {
            return true;
        }

        covered = AddType(type, covered);
        return !_uncoverable && WalkSelections(field.SelectionSet, type, covered);
    }

    /// <summary>Adds the type's resources unless the protein row covers it; returns whether the walk stays covered.</summary>
    private bool AddType(IGraphType type, bool covered)
    {
        if (covered && GraphQLResourceMap.CoveredByProteinRow.Contains(type.Name))
        {
            return true;
        }

        if (GraphQLResourceMap.ByType.TryGetValue(type.Name, out var resources))
        {
            _resources.UnionWith(resources);
        }
        else if (type is IComplexGraphType or UnionGraphType)
        {
            // An object type no list resource covers (only per-protein-page rows).
            _uncoverable = true;
        }

        return false;
    }

    private bool AddProteinRow(string id)
    {
        _resources.UnionWith(CacheDependencies.ProteinPage(ProteinType.UuidOf(id)));
        return true;
    }

    /// <summary>The literal or variable value of <c>protein(id:)</c>, if it is a string.</summary>
    private string? ProteinRow(GraphQLField field)
    {
        var argument = field.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == "id");
        return argument?.Value switch
        {
            GraphQLStringValue s => s.Value.ToString(),
            GraphQLVariable v when _variables is { } vars && vars.TryGetProperty(v.Name.StringValue, out var value) && value.ValueKind == JsonValueKind.String => value.GetString(),
            _ => null,
        };
    }
}

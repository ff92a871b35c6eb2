using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace FPbase.Web.Features.GraphQL.Transport;

/// <summary>Parsing a request's query and choosing its operation, as GraphQL.NET does.</summary>
internal static class GraphQLDocuments
{
    private static readonly ParserOptions Options = new() { Ignore = IgnoreOptions.All };

    /// <summary>The parsed document, or null on a syntax error (GraphQL.NET then reports it).</summary>
    public static GraphQLDocument? TryParse(string query)
    {
        try
        {
            return Parser.Parse(query, Options);
        }
        catch (GraphQLParserException)
        {
            return null;
        }
    }

    /// <summary>
    /// The variables <paramref name="operation"/> declares, and only those (null when none is given): a query
    /// cannot read any other, so the rest must not enter its ETag, its payload key or its execution. A request
    /// with 100,000 variables its query never names costs no more than one with none.
    /// </summary>
    public static JsonElement? DeclaredVariables(GraphQLOperationDefinition operation, JsonElement? variables)
    {
        if (variables is not { ValueKind: JsonValueKind.Object } given || operation.Variables is not { Count: > 0 } declared)
        {
            return null;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in declared)
        {
            names.Add(definition.Variable.Name.StringValue);
        }

        var kept = new JsonObject();
        foreach (var property in given.EnumerateObject())
        {
            if (names.Contains(property.Name))
            {
                kept[property.Name] = JsonNode.Parse(property.Value.GetRawText());
            }
        }

        return kept.Count == 0 ? null : JsonSerializer.SerializeToElement(kept);
    }

    /// <summary>
    /// The most selections an operation may make once its fragments are expanded. A 2 KB query of 30
    /// nested fragments each spreading the next twice expands to 2^30 selections; GraphQL.NET's
    /// validation and depth/complexity analysis walk that expansion, so it is refused before they run.
    /// </summary>
    public const int MaxExpandedSelections = 10_000;

    /// <summary>
    /// How many selections <paramref name="operation"/> makes with every fragment spread expanded,
    /// counted in time linear in the document (each fragment's size computed once); stops counting
    /// past <see cref="MaxExpandedSelections"/>. A fragment cycle counts as too many.
    /// </summary>
    public static int ExpandedSelections(GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        }

        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        const long TooMany = MaxExpandedSelections + 1L;

        long Size(GraphQLSelectionSet? set)
        {
            long total = 0;
            foreach (var selection in set?.Selections ?? [])
            {
                total += selection switch
                {
                    GraphQLField field => 1 + Size(field.SelectionSet),
                    GraphQLInlineFragment inline => Size(inline.SelectionSet),
                    GraphQLFragmentSpread spread => Spread(spread.FragmentName.Name.StringValue),
                    _ => 1,
                };
                if (total >= TooMany)
                {
                    return TooMany;
                }
            }

            return total;
        }

        long Spread(string name)
        {
            if (sizes.TryGetValue(name, out var known))
            {
                return known;
            }

            if (!fragments.TryGetValue(name, out var fragment) || !visiting.Add(name))
            {
                // Unknown (GraphQL.NET reports it) or a cycle.
                return fragment is null ? 1 : TooMany;
            }

            var size = Size(fragment.SelectionSet);
            visiting.Remove(name);
            sizes[name] = size;
            return size;
        }

        return (int)Math.Min(Size(operation.SelectionSet), TooMany);
    }

    /// <summary>The operation named, or the only one when no name is given; null when there is no such single operation.</summary>
    public static GraphQLOperationDefinition? Select(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        return operationName is { } name
            ? operations.SingleOrDefault(o => o.Name?.StringValue == name)
            : operations.Count == 1 ? operations[0] : null;
    }
}

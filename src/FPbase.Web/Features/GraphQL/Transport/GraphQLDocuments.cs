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

    /// <summary>The operation named, or the only one when no name is given; null when there is no such single operation.</summary>
    public static GraphQLOperationDefinition? Select(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        return operationName is { } name
            ? operations.SingleOrDefault(o => o.Name?.StringValue == name)
            : operations.Count == 1 ? operations[0] : null;
    }
}

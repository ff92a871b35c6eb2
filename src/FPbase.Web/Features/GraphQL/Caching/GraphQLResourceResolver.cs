using FPbase.Caching;
using FPbase.Web.Features.GraphQL.Transport;
using FPbase.Web.Features.GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace FPbase.Web.Features.GraphQL.Caching;

/// <summary>
/// Tells the caching middleware what a GraphQL request's response is built from, before the endpoint
/// runs: the resources of every type its one query operation can reach, and its variant (see
/// <see cref="GraphQLVariant"/>). Anything else (no query, a syntax error, several operations and no
/// name, a mutation or subscription, an unknown field, an oversized body) is not cached: null.
/// </summary>
internal sealed class GraphQLResourceResolver(FpbaseSchema schema) : IRequestResourceResolver
{
    private static readonly ParserOptions Options = new() { Ignore = IgnoreOptions.All };

    public async ValueTask<ResolvedResources?> ResolveAsync(HttpContext context)
    {
        var read = await GraphQLRequestReader.ReadAsync(context);
        if (read.Request is not { } request)
        {
            return null;
        }

        GraphQLDocument document;
        try
        {
            document = Parser.Parse(request.Query, Options);
        }
        catch (GraphQLParserException)
        {
            return null;
        }

        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = request.OperationName is { } name
            ? operations.SingleOrDefault(o => o.Name?.StringValue == name)
            : operations.Count == 1 ? operations[0] : null;
        if (operation is not { Operation: OperationType.Query })
        {
            return null;
        }

        schema.Initialize();
        var resources = GraphQLResourceWalker.Collect(schema, document, operation, request.Variables);
        return resources is null ? null : new ResolvedResources(resources, GraphQLVariant.Create(document, request.OperationName, request.Variables));
    }
}

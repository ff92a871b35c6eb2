using FPbase.Caching;
using FPbase.Web.Features.GraphQL.GraphiQL;
using FPbase.Web.Features.GraphQL.Transport;
using FPbase.Web.Features.GraphQL.Types;
using GraphQLParser.AST;

namespace FPbase.Web.Features.GraphQL.Caching;

/// <summary>
/// Tells the caching middleware what a GraphQL request's response is built from, before the endpoint
/// runs: the resources of every type its one query operation can reach, and its variant (see
/// <see cref="GraphQLVariant"/>); for the GraphiQL page, the schema (<see cref="GraphiQLPage"/>). Anything else (no query, a syntax error, several operations and no
/// name, a mutation or subscription, an unknown field, an oversized body) is not cached: null.
/// </summary>
internal sealed class GraphQLResourceResolver(FpbaseSchema schema) : IRequestResourceResolver
{
    public async ValueTask<ResolvedResources?> ResolveAsync(HttpContext context)
    {
        if (GraphiQLPage.Requested(context.Request))
        {
            // The page shows no data, only what its query string fills in: the schema's version and that string.
            return new ResolvedResources([GraphQLResourceMap.Schema], GraphiQLPage.Parameter + context.Request.QueryString.Value);
        }

        var read = await GraphQLRequestReader.ReadAsync(context);
        if (read.Request is not { } request)
        {
            return null;
        }

        if (GraphQLDocuments.TryParse(request.Query) is not { } document
            || GraphQLDocuments.Select(document, request.OperationName) is not { Operation: OperationType.Query } operation)
        {
            return null;
        }

        schema.Initialize();
        var variables = GraphQLDocuments.DeclaredVariables(operation, request.Variables);
        var resources = GraphQLResourceWalker.Collect(schema, document, operation, variables);
        return resources is null ? null : new ResolvedResources(resources, GraphQLVariant.Create(document, request.OperationName, variables));
    }
}

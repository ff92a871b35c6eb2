using FPbase.Caching;

namespace FPbase.Web.Features.GraphQL.Transport;

/// <summary>The query parameters of a GraphQL request by GET (and of a POST with an <c>application/graphql</c> body).</summary>
internal sealed class GraphQLQueryParameters() : QueryParameters("query", "operationName", "variables");

using FPbase.Caching;
using FPbase.Web.Features.GraphQL.GraphiQL;
using FPbase.Web.Features.Shared;
using Microsoft.Net.Http.Headers;

namespace FPbase.Web.Features.GraphQL.Transport;

/// <summary>
/// The query parameters of a GraphQL request by GET (and of a POST with an <c>application/graphql</c> body), and
/// <c>graphiql</c>, which only the request's <c>Accept</c> header sets (<see cref="GraphiQLPage.Wanted"/>): a browser
/// opening <c>/graphql/</c> gets the page, with its own ETag and payload, and every response says <c>Vary: Accept</c>.
/// Sent in the query string, <c>graphiql</c> is dropped like any parameter the endpoint does not read.
/// </summary>
internal sealed class GraphQLQueryParameters() : QueryParameters("query", "operationName", "variables", GraphiQLPage.Parameter)
{
    private static readonly string[] Vary = [HeaderNames.Accept];

    public override IReadOnlyList<string> VaryHeaders => Vary;

    protected override string? Declares(string name) => name == GraphiQLPage.Parameter ? null : base.Declares(name);

    protected override string? FromHeaders(string name, HttpRequest request)
        => name == GraphiQLPage.Parameter && GraphiQLPage.Wanted(request) ? "1" : null;
}

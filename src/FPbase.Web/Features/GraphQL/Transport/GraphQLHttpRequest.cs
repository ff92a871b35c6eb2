using System.Text.Json;

namespace FPbase.Web.Features.GraphQL.Transport;

/// <summary>A GraphQL request as sent over HTTP: the query text, the operation to run and the variables (a JSON object, or none).</summary>
internal sealed record GraphQLHttpRequest(string Query, string? OperationName, JsonElement? Variables);

/// <summary>What reading the HTTP request gave: a request, or the status and message to answer with.</summary>
internal sealed record GraphQLReadResult(GraphQLHttpRequest? Request, int ErrorStatus = 0, string? Error = null)
{
    public static GraphQLReadResult Fail(int status, string message) => new(null, status, message);
}

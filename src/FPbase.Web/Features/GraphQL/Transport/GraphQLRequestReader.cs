using System.Text;
using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace FPbase.Web.Features.GraphQL.Transport;

/// <summary>
/// Reads a GraphQL request from GET/HEAD query parameters (<c>query</c>, <c>variables</c>,
/// <c>operationName</c>) or a POST body (<c>application/json</c> {query, variables, operationName}, or
/// <c>application/graphql</c> with the query as the body). The body is read at most once per request,
/// buffered and rewound (the caching middleware reads it before the endpoint does), and capped at 1 MB.
/// </summary>
internal static class GraphQLRequestReader
{
    public const int MaxBodyBytes = 1024 * 1024;

    private static readonly object ItemKey = new();

    public static async ValueTask<GraphQLReadResult> ReadAsync(HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var cached) && cached is GraphQLReadResult known)
        {
            return known;
        }

        var result = await ReadUncachedAsync(context.Request, context.RequestAborted);
        context.Items[ItemKey] = result;
        return result;
    }

    private static async ValueTask<GraphQLReadResult> ReadUncachedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            return FromParameters(request.Query["query"], request.Query["operationName"], request.Query["variables"]);
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return TooLarge();
        }

        var body = await ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return TooLarge();
        }

        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
        if (string.Equals(mediaType, "application/graphql", StringComparison.OrdinalIgnoreCase))
        {
            return FromParameters(Encoding.UTF8.GetString(body), request.Query["operationName"], request.Query["variables"]);
        }

        return FromJsonBody(body);
    }

    /// <summary>The body, or null when it is larger than <see cref="MaxBodyBytes"/>. Left rewound for the next reader.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                request.Body.Position = 0;
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        request.Body.Position = 0;
        return buffer.ToArray();
    }

    private static GraphQLReadResult FromJsonBody(byte[] body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return GraphQLReadResult.Fail(StatusCodes.Status400BadRequest, "The request body is not valid JSON.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return GraphQLReadResult.Fail(StatusCodes.Status400BadRequest, "The request body must be a JSON object with a \"query\".");
            }

            var query = root.TryGetProperty("query", out var q) && q.ValueKind == JsonValueKind.String ? q.GetString() : null;
            var operationName = root.TryGetProperty("operationName", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString() : null;
            JsonElement? variables = null;
            if (root.TryGetProperty("variables", out var v))
            {
                if (v.ValueKind == JsonValueKind.String)
                {
                    return FromParameters(query, operationName, v.GetString());
                }

                if (v.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
                {
                    return GraphQLReadResult.Fail(StatusCodes.Status400BadRequest, "\"variables\" must be a JSON object.");
                }

                variables = v.ValueKind == JsonValueKind.Object ? v.Clone() : null;
            }

            return Create(query, operationName, variables);
        }
    }

    private static GraphQLReadResult FromParameters(string? query, string? operationName, string? variablesJson)
    {
        JsonElement? variables = null;
        if (!string.IsNullOrWhiteSpace(variablesJson))
        {
            try
            {
                using var document = JsonDocument.Parse(variablesJson);
                if (document.RootElement.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
                {
                    return GraphQLReadResult.Fail(StatusCodes.Status400BadRequest, "\"variables\" must be a JSON object.");
                }

                variables = document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
            }
            catch (JsonException)
            {
                return GraphQLReadResult.Fail(StatusCodes.Status400BadRequest, "\"variables\" is not valid JSON.");
            }
        }

        return Create(query, operationName, variables);
    }

    private static GraphQLReadResult Create(string? query, string? operationName, JsonElement? variables)
        => string.IsNullOrWhiteSpace(query)
            ? GraphQLReadResult.Fail(StatusCodes.Status400BadRequest, "Must provide query string.")
            : new GraphQLReadResult(new GraphQLHttpRequest(query, string.IsNullOrEmpty(operationName) ? null : operationName, variables));

    private static GraphQLReadResult TooLarge()
        => GraphQLReadResult.Fail(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {MaxBodyBytes / 1024} KB.");
}

using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace FPbase.Web.Features.GraphQL.Transport;

/// <summary>
/// Reads a GraphQL request from GET/HEAD query parameters (<c>query</c>, <c>variables</c>,
/// <c>operationName</c>) or a POST body (<c>application/json</c> {query, variables, operationName}, or
/// <c>application/graphql</c> with the query as the body). The body is read at most once per request (the caching
/// middleware reads it before the endpoint does; the second gets the first's result), capped at 1 MB, and sends at
/// most 1,000 variables.
/// </summary>
internal static class GraphQLRequestReader
{
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// The most variables a request may send. No operation declares this many, and the variables are kept until the
    /// operation says which it reads: without a bound, 1 MB of one-character variables would be indexed and copied.
    /// </summary>
    public const int MaxVariables = 1000;

    /// <summary>A body of unknown length starts in a buffer this large, and doubles up to <see cref="MaxBodyBytes"/>.</summary>
    private const int FirstBufferBytes = 16 * 1024;

    private static readonly object ItemKey = new();

    /// <summary>The bodies' buffers: at most 8 of each size kept, none larger than <see cref="MaxBodyBytes"/> (16 MB at most).</summary>
    private static readonly ArrayPool<byte> BodyBuffers = ArrayPool<byte>.Create(MaxBodyBytes, maxArraysPerBucket: 8);

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

        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
        var isQueryText = string.Equals(mediaType, "application/graphql", StringComparison.OrdinalIgnoreCase);
        var operationName = request.Query["operationName"];
        var variables = request.Query["variables"];
        return await ReadBodyAsync(request, body => isQueryText ? FromParameters(Encoding.UTF8.GetString(body.Span), operationName, variables) : FromJsonBody(body), cancellationToken);
    }

    /// <summary>
    /// Reads the body into one buffer from <see cref="BodyBuffers"/> and hands it to <paramref name="parse"/>, which
    /// must keep nothing of it (the buffer is reused); too large when more than <see cref="MaxBodyBytes"/> arrive.
    /// Nothing reads the body after this (the result is kept in the request's items), so it is not buffered for
    /// rewinding, and no growing stream leaves copies behind.
    /// </summary>
    private static async Task<GraphQLReadResult> ReadBodyAsync(HttpRequest request, Func<ReadOnlyMemory<byte>, GraphQLReadResult> parse, CancellationToken cancellationToken)
    {
        var buffer = BodyBuffers.Rent((int)Math.Clamp(request.ContentLength ?? FirstBufferBytes, 1, MaxBodyBytes));
        var length = 0;
        try
        {
            while (true)
            {
                var capacity = Math.Min(buffer.Length, MaxBodyBytes);
                if (length == capacity)
                {
                    if (capacity == MaxBodyBytes)
                    {
                        var probe = new byte[1];
                        if (await request.Body.ReadAsync(probe, cancellationToken) > 0)
                        {
                            return TooLarge();
                        }

                        break;
                    }

                    var larger = BodyBuffers.Rent(Math.Min(capacity * 2, MaxBodyBytes));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    BodyBuffers.Return(buffer);
                    buffer = larger;
                    continue;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length, capacity - length), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            return parse(buffer.AsMemory(0, length));
        }
        finally
        {
            BodyBuffers.Return(buffer);
        }
    }

    /// <summary>
    /// {query, operationName, variables} read with a forward-only reader: nothing is indexed but the variables, and
    /// those only once counted (at most <see cref="MaxVariables"/>), so a wide body costs a pass over its bytes.
    /// </summary>
    private static GraphQLReadResult FromJsonBody(ReadOnlyMemory<byte> body)
    {
        string? query = null;
        string? operationName = null;
        string? variablesText = null;
        JsonElement? variables = null;
        GraphQLReadResult? variablesProblem = null;
        var reader = new Utf8JsonReader(body.Span);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                _ = reader.Read();
                return GraphQLReadResult.Fail(StatusCodes.Status400BadRequest, "The request body must be a JSON object with a \"query\".");
            }

            // A member given twice counts as its last value, as a document's lookup finds it.
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var member = reader.ValueTextEquals("query") ? Member.Query
                    : reader.ValueTextEquals("operationName") ? Member.OperationName
                    : reader.ValueTextEquals("variables") ? Member.Variables
                    : Member.Other;
                reader.Read();
                switch (member)
                {
                    case Member.Query:
                        query = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                        break;
                    case Member.OperationName:
                        operationName = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                        break;
                    case Member.Variables:
                        (variables, variablesText, variablesProblem) = reader.TokenType switch
                        {
                            JsonTokenType.String => (null, reader.GetString(), null),
                            JsonTokenType.Null => (null, null, null),
                            JsonTokenType.StartObject => ReadVariables(ref reader),
                            _ => (null, null, GraphQLReadResult.Fail(StatusCodes.Status400BadRequest, "\"variables\" must be a JSON object.")),
                        };
                        break;
                }

                reader.Skip();
            }

            // Whatever follows the object makes the body invalid JSON, as a document parser would find.
            _ = reader.Read();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: text that is no Unicode (a lone surrogate escape, bytes that are not UTF-8).
            return GraphQLReadResult.Fail(StatusCodes.Status400BadRequest, "The request body is not valid JSON.");
        }

        return variablesProblem ?? (variablesText is not null ? FromParameters(query, operationName, variablesText) : Create(query, operationName, variables));
    }

    /// <summary>The variables object the reader is at the start of (left at its end), or the problem with it.</summary>
    /// <summary>
    /// The variables object the reader is at the start of (left at its end), or the problem with it. Its text must be
    /// Unicode: a lone surrogate escape or bytes that are not UTF-8 throw <see cref="InvalidOperationException"/> here,
    /// as a 400, rather than later wherever a value is read.
    /// </summary>
    private static (JsonElement? Variables, string? Text, GraphQLReadResult? Problem) ReadVariables(ref Utf8JsonReader reader)
    {
        var start = reader;
        if (CountProperties(ref reader) > MaxVariables)
        {
            return (null, null, TooManyVariables());
        }

        var check = start;
        var depth = check.CurrentDepth;
        while (check.Read() && !(check.TokenType == JsonTokenType.EndObject && check.CurrentDepth == depth))
        {
            if (check.TokenType is JsonTokenType.PropertyName or JsonTokenType.String && (check.ValueIsEscaped || !System.Text.Ascii.IsValid(check.ValueSpan)))
            {
                _ = check.GetString();
            }
        }

        return (JsonElement.ParseValue(ref start), null, null);
    }

    private enum Member
    {
        Other,
        Query,
        OperationName,
        Variables,
    }

    /// <summary>The properties of the object the reader is at the start of, skipping their values; leaves it at the end.</summary>
    private static int CountProperties(ref Utf8JsonReader reader)
    {
        var count = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            count++;
            reader.Read();
            reader.Skip();
        }

        return count;
    }

    private static GraphQLReadResult FromParameters(string? query, string? operationName, string? variablesJson)
    {
        JsonElement? variables = null;
        if (!string.IsNullOrWhiteSpace(variablesJson))
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(variablesJson));
            try
            {
                reader.Read();
                GraphQLReadResult? problem;
                (variables, _, problem) = reader.TokenType switch
                {
                    JsonTokenType.Null => (null, null, null),
                    JsonTokenType.StartObject => ReadVariables(ref reader),
                    _ => (null, null, GraphQLReadResult.Fail(StatusCodes.Status400BadRequest, "\"variables\" must be a JSON object.")),
                };
                reader.Skip();
                _ = reader.Read();
                if (problem is not null)
                {
                    return problem;
                }
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException)
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

    private static GraphQLReadResult TooManyVariables()
        => GraphQLReadResult.Fail(StatusCodes.Status400BadRequest, $"A request may send at most {MaxVariables:N0} variables.");

    private static GraphQLReadResult TooLarge()
        => GraphQLReadResult.Fail(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {MaxBodyBytes / 1024} KB.");
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FPbase.Web.Tests.GraphQL;

/// <summary>Sends GraphQL requests the way FPbase's clients do: POST with a JSON body, or GET with query parameters.</summary>
internal static class GraphQLClient
{
    public const string Path = "/graphql/";

    public static HttpRequestMessage Post(string query, object? variables = null, string? operationName = null)
        => new(HttpMethod.Post, Path) { Content = JsonContent.Create(new { query, variables, operationName }) };

    public static HttpRequestMessage Get(string query, object? variables = null)
    {
        var url = Path + "?query=" + Uri.EscapeDataString(query);
        if (variables is not null)
        {
            url += "&variables=" + Uri.EscapeDataString(JsonSerializer.Serialize(variables));
        }

        return new HttpRequestMessage(HttpMethod.Get, url);
    }

    public static HttpRequestMessage WithIfNoneMatch(this HttpRequestMessage request, EntityTagHeaderValue etag)
    {
        request.Headers.IfNoneMatch.Add(etag);
        return request;
    }

    public static async Task<JsonNode> DataAsync(this HttpClient client, string query, object? variables = null)
    {
        var response = await client.SendAsync(Post(query, variables));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var json = JsonNode.Parse(body)!;
        Assert.Null(json["errors"]);
        return json["data"]!;
    }
}

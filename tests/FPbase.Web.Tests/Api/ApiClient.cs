using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace FPbase.Web.Tests.Api;

/// <summary>Small helpers for reading the API as a client would.</summary>
internal static class ApiClient
{
    /// <summary>
    /// A JSON client's GET: it says <c>Accept: application/json</c>, as it must where FPbase's first renderer is CSV
    /// (<c>/api/proteins/</c>, <c>/basic/</c>: without it they answer CSV).
    /// </summary>
    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("application/json");
        var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.Clone();
    }

    /// <summary>A 400 problem-details body naming <paramref name="parameter"/> among its errors.</summary>
    public static async Task AssertBadParameterAsync(this HttpClient client, string url, string parameter)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var doc = JsonDocument.Parse(body);
        Assert.Equal(400, doc.RootElement.GetProperty("status").GetInt32());
        Assert.True(doc.RootElement.GetProperty("errors").TryGetProperty(parameter, out var messages), body);
        Assert.NotEmpty(messages.EnumerateArray());
        Assert.Null(response.Headers.ETag);
    }

    public static async Task<EntityTagHeaderValue> ETagOfAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag!;
    }

    public static IReadOnlyList<string> Slugs(this JsonElement list)
        => list.EnumerateArray().Select(p => p.GetProperty("slug").GetString()!).ToList();

    /// <summary>Rows of a CSV body with no quoted fields (what these tests read).</summary>
    public static List<string[]> CsvRows(string body)
    {
        Assert.EndsWith("\r\n", body);
        return body[..^2].Split("\r\n").Select(line => line.Split(',')).ToList();
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using FPbase.Web.Features.GraphQL.Transport;
using FPbase.Web.Tests.Infrastructure;

namespace FPbase.Web.Tests.GraphQL;

/// <summary>Requests that cannot run get a 400 with GraphQL's errors JSON (never a 500), and are never cached.</summary>
public sealed class GraphQLErrorTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly HttpClient _client = site.App.CreateClient();

    [Theory]
    [InlineData("{ protein(id: \"R9NL8\") { name ")]
    [InlineData("{ protein(id: \"R9NL8\") { nosuchfield } }")]
    [InlineData("{ nosuchroot { id } }")]
    [InlineData("{ spectrum(id: \"not a number\") { id } }")]
    [InlineData("mutation { addProtein(name: \"x\") { id } }")]
    [InlineData("subscription { spectra { id } }")]
    [InlineData("query A { organisms { id } } query B { organisms { id } }")]
    public async Task AQueryThatCannotRunIsA400WithErrorsAndNoETag(string query)
    {
        foreach (var request in new[] { GraphQLClient.Post(query), GraphQLClient.Get(query) })
        {
            var response = await _client.SendAsync(request);
            await AssertGraphQLErrorAsync(response);
        }
    }

    [Fact]
    public async Task MalformedJsonAMissingQueryAndBadVariablesAre400()
    {
        await AssertGraphQLErrorAsync(await _client.PostAsync(GraphQLClient.Path, new StringContent("{\"query\": ", Encoding.UTF8, "application/json")));
        await AssertGraphQLErrorAsync(await _client.PostAsync(GraphQLClient.Path, new StringContent("[1, 2]", Encoding.UTF8, "application/json")));
        await AssertGraphQLErrorAsync(await _client.PostAsync(GraphQLClient.Path, new StringContent("{\"variables\": {}}", Encoding.UTF8, "application/json")));
        await AssertGraphQLErrorAsync(await _client.GetAsync(GraphQLClient.Path));
        await AssertGraphQLErrorAsync(await _client.GetAsync(GraphQLClient.Path + "?query=" + Uri.EscapeDataString("{ organisms { id } }") + "&variables=%7Bnope"));
        await AssertGraphQLErrorAsync(await _client.SendAsync(GraphQLClient.Post("query($id: Int!) { spectrum(id: $id) { id } }", new { id = "seventeen" })));
    }

    [Fact]
    public async Task TooDeepAQueryIsRefusedWithAClearError()
    {
        // 8 × 2 levels below organisms: deeper than the limit of 15.
        var query = "{ organisms " + string.Concat(Enumerable.Repeat("{ proteins { parentOrganism ", 8)) + "{ id }" + new string('}', 16) + " }";
        var response = await _client.SendAsync(GraphQLClient.Post(query));
        var errors = await AssertGraphQLErrorAsync(response);
        Assert.Contains("nested", (string?)errors[0]!["message"], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ABodyOverOneMegabyteIsA413Problem()
    {
        var padding = new string(' ', 1024 * 1024);
        var response = await _client.PostAsync(GraphQLClient.Path, new StringContent("{\"query\": \"{ organisms { id } }\"" + padding + "}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Null(response.Headers.ETag);
    }

    [Fact]
    public async Task MoreVariablesThanAnyOperationDeclaresAreA400()
    {
        var declared = "query($id: Int!) { spectrum(id: $id) { id } }";
        var enough = Enumerable.Range(0, GraphQLRequestReader.MaxVariables - 1).ToDictionary(i => $"v{i}", i => (object)i);
        enough["id"] = 1;
        var accepted = await _client.SendAsync(GraphQLClient.Post(declared, enough));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        var tooMany = new Dictionary<string, object>(enough) { ["one-more"] = 0 };
        var errors = await AssertGraphQLErrorAsync(await _client.SendAsync(GraphQLClient.Post(declared, tooMany)));
        Assert.Contains($"{GraphQLRequestReader.MaxVariables:N0}", (string?)errors[0]!["message"], StringComparison.Ordinal);

        var inTheUrl = System.Text.Json.JsonSerializer.Serialize(tooMany);
        await AssertGraphQLErrorAsync(await _client.GetAsync(GraphQLClient.Path + "?query=" + Uri.EscapeDataString(declared) + "&variables=" + Uri.EscapeDataString(inTheUrl)));
    }

    [Theory]
    [InlineData("{\"query\":\"{__typename}\",\"query\":null}", HttpStatusCode.BadRequest)]
    [InlineData("{\"query\":null,\"query\":\"{__typename}\"}", HttpStatusCode.OK)]
    [InlineData("{\"variables\":[],\"variables\":{},\"query\":\"{__typename}\"}", HttpStatusCode.OK)]
    [InlineData("{\"variables\":{},\"variables\":[],\"query\":\"{__typename}\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"query\":\"query A{__typename} query B{__typename}\",\"operationName\":\"A\",\"operationName\":null}", HttpStatusCode.BadRequest)]
    public async Task ARepeatedMemberCountsAsItsLastValue(string body, HttpStatusCode expected)
    {
        var response = await _client.PostAsync(GraphQLClient.Path, new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    [Theory]
    [InlineData("{\"query\":\"\\udc00\"}")]
    [InlineData("{\"\\udc00\":1,\"query\":\"{__typename}\"}")]
    [InlineData("{\"operationName\":\"\\ud800\",\"query\":\"{__typename}\"}")]
    [InlineData("{\"query\":\"{__typename}\",\"variables\":\"\\udc00\"}")]
    [InlineData("{\"query\":\"query($a: String){ organisms(search: $a) { id } }\",\"variables\":{\"a\":\"\\udc00\"}}")]
    public async Task TextThatIsNoUnicodeIsA400(string body)
    {
        await AssertGraphQLErrorAsync(await _client.PostAsync(GraphQLClient.Path, new StringContent(body, Encoding.UTF8, "application/json")));
    }

    [Fact]
    public async Task InvalidUtf8IsA400()
    {
        var body = Encoding.UTF8.GetBytes("{\"query\":\"{__typename}  \"}");
        body[^4] = 0xC3;
        using var content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        await AssertGraphQLErrorAsync(await _client.PostAsync(GraphQLClient.Path, content));
    }

    [Fact]
    public async Task ReadingAWideBodyAllocatesLessThanTwiceTheBody()
    {
        // 80,000 variables, ~0.9 MB: read, counted and refused. Reading used to copy the body four times and index
        // it twice (a growing MemoryStream, its array, the document and a clone of the variables: 7 MB a request). The
        // in-memory test transport copies the body once on its way in, in this process.
        var wide = Encoding.UTF8.GetBytes("{\"query\":\"{__typename}\",\"variables\":{" + string.Join(",", Enumerable.Range(0, 80_000).Select(i => $"\"k{i}\":1")) + "}}");
        async Task<long> AllocatedByOneAsync()
        {
            using var content = new ByteArrayContent(wide) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
            var before = GC.GetTotalAllocatedBytes(precise: true);
            using var response = await _client.PostAsync(GraphQLClient.Path, content);
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return allocated;
        }

        await AllocatedByOneAsync();
        var least = long.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            least = Math.Min(least, await AllocatedByOneAsync());
        }

        Assert.True(least < 2L * wide.Length, $"one request allocated {least:N0} bytes for a {wide.Length:N0}-byte body");
    }

    [Fact]
    public async Task AnApplicationGraphqlBodyIsAQuery()
    {
        var response = await _client.PostAsync(GraphQLClient.Path, new StringContent("{ organisms { scientificName } }", Encoding.UTF8, new MediaTypeHeaderValue("application/graphql")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Aequorea victoria", await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonArray> AssertGraphQLErrorAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Null(response.Headers.ETag);
        var errors = JsonNode.Parse(body)!["errors"]!.AsArray();
        Assert.NotEmpty(errors);
        Assert.False(string.IsNullOrEmpty((string?)errors[0]!["message"]));
        return errors;
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FPbase.Web.Tests.Infrastructure;

namespace FPbase.Web.Tests.GraphQL;

/// <summary>
/// A browser that opens <c>/graphql/</c> gets GraphiQL, as on FPbase (graphene-django's view: HTML when the client
/// prefers it, JSON for everyone else and for <c>?raw</c>); scripts written for FPbase keep getting JSON. The page is
/// cached and revalidated like every other read, and works without its CDN scripts through a plain form.
/// </summary>
public sealed partial class GraphiQLTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    private readonly HttpClient _client = site.App.CreateClient();

    [Fact]
    public async Task ABrowserOpeningGraphqlGetsGraphiQLThatRevalidatesWithA304()
    {
        var page = await _client.SendAsync(Browser(GraphQLClient.Path));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Accept", page.Headers.Vary);
        Assert.True(page.Headers.CacheControl!.Public);
        Assert.NotNull(page.Headers.ETag);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("graphiql@2.4.7/graphiql.min.js\" integrity=\"sha256-", html);

        var before = site.App.Commands.Count;
        var again = Browser(GraphQLClient.Path);
        again.Headers.IfNoneMatch.Add(page.Headers.ETag!);
        var revalidated = await _client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Contains("Accept", revalidated.Headers.Vary);
        Assert.Equal(before, site.App.Commands.Count);
    }

    [Fact]
    public async Task AQueryInTheAddressFillsThePageEncoded()
    {
        var page = await _client.SendAsync(Browser(GraphQLClient.Path + "?query=" + Uri.EscapeDataString("{ protein(id: \"</textarea><script>x()</script>\") { name } }")));

        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("&lt;/textarea&gt;&lt;script&gt;x()&lt;/script&gt;", html);
        Assert.DoesNotContain("<script>x()", html);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("*/*")]
    [InlineData("application/json")]
    [InlineData("application/json, text/html;q=0.5")]
    public async Task ScriptsWrittenForFpbaseKeepGettingJson(string? accept)
    {
        var request = GraphQLClient.Get("{ organisms { id } }");
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!["organisms"]);
    }

    [Fact]
    public async Task RawAndPostAnswerJsonEvenToABrowser()
    {
        var raw = await _client.SendAsync(Browser(GraphQLClient.Path + "?raw&query=" + Uri.EscapeDataString("{ organisms { id } }")));
        var post = GraphQLClient.Post("{ organisms { id } }");
        post.Headers.TryAddWithoutValidation("Accept", BrowserAccept);
        var posted = await _client.SendAsync(post);
        var noQuery = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, GraphQLClient.Path + "?graphiql=1"));

        Assert.Equal("application/json", raw.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(JsonNode.Parse(await raw.Content.ReadAsStringAsync())!["data"]);
        Assert.Equal("application/json", posted.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, noQuery.StatusCode);
        Assert.Equal("application/json", noQuery.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task ThePageAndTheJsonOfOneQueryHaveTheirOwnETags()
    {
        var url = GraphQLClient.Path + "?query=" + Uri.EscapeDataString("{ organisms { id } }");
        var html = await _client.SendAsync(Browser(url));
        var json = await _client.GetAsync(url);

        Assert.NotNull(html.Headers.ETag);
        Assert.NotNull(json.Headers.ETag);
        Assert.NotEqual(html.Headers.ETag, json.Headers.ETag);

        var crossed = new HttpRequestMessage(HttpMethod.Get, url);
        crossed.Headers.IfNoneMatch.Add(html.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(crossed)).StatusCode);
    }

    [Fact]
    public async Task WithoutItsScriptsThePagesFormRunsAQuery()
    {
        // GraphiQL comes from a CDN; offline or with scripts off, the form the page starts with still works.
        var html = await (await _client.SendAsync(Browser(GraphQLClient.Path))).Content.ReadAsStringAsync();
        var form = FormPattern().Match(html);
        Assert.True(form.Success, html);
        Assert.Equal("get", form.Groups["method"].Value);
        var hidden = HiddenPattern().Matches(form.Value).Select(m => m.Groups["name"].Value + "=" + Uri.EscapeDataString(m.Groups["value"].Value));
        Assert.Matches("<textarea[^>]*name=\"query\"", form.Value);

        var submitted = form.Groups["action"].Value + "?" + string.Join('&', hidden.Append("query=" + Uri.EscapeDataString("{ organisms { id } }")));
        var response = await _client.SendAsync(Browser(submitted));

        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!["organisms"]);
    }

    private static HttpRequestMessage Browser(string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", BrowserAccept);
        return request;
    }

    [GeneratedRegex("<form[^>]*method=\"(?<method>[a-z]+)\"[^>]*action=\"(?<action>[^\"]+)\"[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenPattern();
}

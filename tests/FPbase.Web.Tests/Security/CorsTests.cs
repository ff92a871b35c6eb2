using System.Net;
using FPbase.Web.Tests.Infrastructure;

namespace FPbase.Web.Tests.Security;

/// <summary>CORS: the read API is open to any origin without credentials; nothing else is.</summary>
public sealed class CorsTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string Origin = "https://lab.example";

    [Fact]
    public async Task AnApiGetFromAnotherOriginMayBeReadWithoutCredentials()
    {
        using var client = site.App.CreateClient();
        var response = await SendAsync(client, HttpMethod.Get, "/api/spectra-list/", ("Origin", Origin));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        Assert.Null(Header(response, "Access-Control-Allow-Credentials"));
        Assert.Contains("ETag", Header(response, "Access-Control-Expose-Headers"));
    }

    [Fact]
    public async Task APreflightForAnApiGetWithIfNoneMatchIsAllowed()
    {
        using var client = site.App.CreateClient();
        var response = await SendAsync(client, HttpMethod.Options, "/api/spectra-list/",
            ("Origin", Origin), ("Access-Control-Request-Method", "GET"), ("Access-Control-Request-Headers", "if-none-match"));

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("GET", Header(response, "Access-Control-Allow-Methods"));
        Assert.Contains("if-none-match", Header(response, "Access-Control-Allow-Headers"), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("POST", "/api/tokens/")]
    [InlineData("DELETE", "/api/tokens/1/")]
    [InlineData("PUT", "/api/spectra-list/")]
    public async Task APreflightForAnApiWriteIsNotAllowed(string method, string url)
    {
        using var client = site.App.CreateClient();
        var response = await SendAsync(client, HttpMethod.Options, url,
            ("Origin", Origin), ("Access-Control-Request-Method", method), ("Access-Control-Request-Headers", "content-type"));

        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
        Assert.Null(Header(response, "Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task ACrossOriginApiWriteGetsNoCorsHeaders()
    {
        using var client = site.App.CreateClient();
        var response = await SendAsync(client, HttpMethod.Post, "/api/tokens/", ("Origin", Origin));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/spectra/")]
    [InlineData("/graphql/?query=%7B__typename%7D")]
    [InlineData("/accounts/login/")]
    public async Task PagesAndGraphqlAreSameOriginOnly(string url)
    {
        using var client = site.App.CreateClient();
        var get = await SendAsync(client, HttpMethod.Get, url, ("Origin", Origin));
        var preflight = await SendAsync(client, HttpMethod.Options, url, ("Origin", Origin), ("Access-Control-Request-Method", "GET"));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Null(Header(get, "Access-Control-Allow-Origin"));
        Assert.Null(Header(preflight, "Access-Control-Allow-Origin"));
    }

    private static string? Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, url);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return client.SendAsync(request);
    }
}

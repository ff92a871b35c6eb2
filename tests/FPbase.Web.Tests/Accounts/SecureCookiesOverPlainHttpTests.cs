using System.Net;
using System.Net.Http.Json;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FPbase.Web.Tests.Accounts;

/// <summary>
/// A site with Secure cookies (the Production default) reached over plain HTTP anyway: a TLS-terminating proxy
/// that does not send <c>X-Forwarded-Proto</c>, or one whose address is not trusted. What would set or need a
/// cookie (the account forms, unsafe requests checked for antiforgery, the antiforgery token of a session) is a
/// 403 problem saying that HTTPS is required, never a 500; public reads keep working.
/// </summary>
public sealed class SecureCookiesOverPlainHttpTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Theory]
    [InlineData("/accounts/login/")]
    [InlineData("/accounts/register/")]
    [InlineData("/accounts/logout/")]
    public async Task InProductionOverPlainHttpAnAccountFormIsA403ProblemSayingHttpsIsRequired(string path)
    {
        await using var production = site.App.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));
        using var client = PlainHttpClient(production);

        using var response = await client.GetAsync(path);

        await AssertHttpsRequiredAsync(response);
    }

    [Fact]
    public async Task WithSecureCookiesOverPlainHttpAnAnonymousJsonPostIsA403ProblemNotA500()
    {
        await using var secure = site.App.WithWebHostBuilder(builder => builder.UseSetting("Accounts:SecureCookies", "true"));
        using var client = PlainHttpClient(secure);

        using var response = await client.PostAsJsonAsync("/api/proteins/", new { name = "x" });

        await AssertHttpsRequiredAsync(response);
    }

    [Fact]
    public async Task InProductionOverPlainHttpAnAnonymousJsonPostIsA403ProblemNotA500()
    {
        await using var production = site.App.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));
        using var client = PlainHttpClient(production);

        using var response = await client.PostAsJsonAsync("/api/proteins/", new { name = "x" });

        await AssertHttpsRequiredAsync(response);
    }

    [Fact]
    public async Task InProductionOverPlainHttpPublicReadsStillWork()
    {
        await using var production = site.App.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));
        using var client = PlainHttpClient(production);

        foreach (var path in new[] { "/", "/api/proteins/", "/protein/egfp/", "/api/me/" })
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task ALoginCookieThatArrivesOverPlainHttpGetsA403ProblemFromApiMeNotA500()
    {
        await using var secure = site.App.WithWebHostBuilder(builder => builder.UseSetting("Accounts:SecureCookies", "true"));
        var user = await secure.CreateEditorAsync();
        using var https = new CookieClient(secure.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false }), user);
        var login = await https.PostFormAsync("/accounts/login/", new() { ["Login"] = user.UserName, ["Password"] = user.Password }, "/accounts/login/");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-fpbase=", StringComparison.Ordinal)).Split(';')[0];

        // The proxy in front terminated TLS but did not say so (no X-Forwarded-Proto): the site sees http.
        using var client = PlainHttpClient(secure);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me/");
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);

        await AssertHttpsRequiredAsync(response);
    }

    [Fact]
    public async Task ATokenAuthenticatedWriteOverPlainHttpNeedsNoCookieAndIsNotRefused()
    {
        await using var secure = site.App.WithWebHostBuilder(builder => builder.UseSetting("Accounts:SecureCookies", "true"));
        using var script = await secure.CreateBearerClientAsync(await secure.CreateEditorAsync());
        Assert.Equal("http", script.Http.BaseAddress?.Scheme);

        using var revoked = await script.Http.DeleteAsync($"/api/tokens/{script.TokenId}/");

        Assert.True(revoked.IsSuccessStatusCode, $"{(int)revoked.StatusCode}: {await revoked.Content.ReadAsStringAsync()}");
    }

    private static HttpClient PlainHttpClient(WebApplicationFactory<Program> app)
        => app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false, HandleCookies = false });

    private static async Task AssertHttpsRequiredAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"title\":\"HTTPS required\"", body);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        Assert.False(response.Headers.Contains("Set-Cookie"), "a refused request sets no cookie");
    }
}

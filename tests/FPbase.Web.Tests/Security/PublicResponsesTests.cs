using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FPbase.Web.Tests.Security;

/// <summary>
/// Only <c>/api/me/</c> says who is asking, and it is never cached; public responses are the same bytes and
/// ETags for anonymous visitors and for any logged-in user, and name nobody.
/// </summary>
public sealed class PublicResponsesTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task MeIsPrivateNeverStoredAndDiffersPerUser()
    {
        var alice = await site.App.CreateEditorAsync();
        var bob = await site.App.CreateStaffAsync();
        using var anonymous = site.App.CreateClient();
        using var aliceBrowser = await site.App.LoginAsync(alice);
        using var bobScript = await site.App.CreateBearerClientAsync(bob);

        var nobody = await anonymous.GetAsync("/api/me/");
        var aliceMe = await aliceBrowser.Http.GetAsync("/api/me/");
        var bobMe = await bobScript.Http.GetAsync("/api/me/");

        foreach (var response in new[] { nobody, aliceMe, bobMe })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.Private);
            Assert.True(response.Headers.CacheControl?.NoStore);
            Assert.Contains("Cookie", response.Headers.Vary);
            Assert.Contains("Authorization", response.Headers.Vary);
            Assert.Null(response.Headers.ETag);
        }

        Assert.Contains("\"authenticated\":false", await nobody.Content.ReadAsStringAsync());
        var aliceBody = await aliceMe.Content.ReadAsStringAsync();
        Assert.Contains($"\"username\":\"{alice.UserName}\"", aliceBody);
        Assert.Contains("\"canApprove\":false", aliceBody);
        Assert.Contains("\"authMethod\":\"cookie\"", aliceBody);
        var bobBody = await bobMe.Content.ReadAsStringAsync();
        Assert.Contains($"\"username\":\"{bob.UserName}\"", bobBody);
        Assert.Contains("\"canApprove\":true", bobBody);
        Assert.Contains("\"canEdit\":true", bobBody);
    }

    [Theory]
    [InlineData("/api/spectra-list/")]
    [InlineData("/api/optical-configs-list/")]
    [InlineData("/")]
    [InlineData("/spectra/")]
    public async Task APublicResponseIsTheSameForAnonymousVisitorsAndTwoLoggedInUsers(string url)
    {
        var alice = await site.App.CreateEditorAsync();
        var bob = await site.App.CreateStaffAsync();
        using var anonymous = site.App.CreateClient();
        using var aliceBrowser = await site.App.LoginAsync(alice);
        using var bobScript = await site.App.CreateBearerClientAsync(bob);

        var answers = new List<(string Body, EntityTagHeaderValue? ETag, CacheControlHeaderValue? CacheControl)>();
        foreach (var client in new[] { anonymous, aliceBrowser.Http, bobScript.Http })
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answers.Add((await response.Content.ReadAsStringAsync(), response.Headers.ETag, response.Headers.CacheControl));
        }

        Assert.NotNull(answers[0].ETag);
        Assert.True(answers[0].CacheControl?.Public);
        Assert.All(answers, a => Assert.Equal(answers[0].ETag, a.ETag));
        Assert.All(answers, a => Assert.Equal(answers[0].Body, a.Body));
        Assert.All(answers, a => Assert.Equal(answers[0].CacheControl, a.CacheControl));
        Assert.DoesNotContain(alice.UserName, answers[0].Body);
        Assert.DoesNotContain(bob.UserName, answers[0].Body);
    }

    [Fact]
    public async Task ALoggedInUserRevalidatesAPublicListWithTheAnonymousEtag()
    {
        using var anonymous = site.App.CreateClient();
        var etag = (await anonymous.GetAsync("/api/spectra-list/")).Headers.ETag!;
        using var browser = await site.App.LoginAsync(await site.App.CreateEditorAsync());

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/spectra-list/");
        request.Headers.IfNoneMatch.Add(etag);
        using var response = await browser.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task PublicPagesCarryNoUserSpecificCookieOrToken()
    {
        using var browser = await site.App.LoginAsync(await site.App.CreateEditorAsync());
        using var response = await browser.Http.GetAsync("/");
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.DoesNotContain("__RequestVerificationToken", await response.Content.ReadAsStringAsync());
    }
}

/// <summary>The login cookie is renewed only on private responses, never on a public one a cache could share.</summary>
public sealed class CookieRenewalTests(ProbeSite site) : IClassFixture<ProbeSite>
{
    [Fact]
    public async Task ADueCookieRenewalHappensOnPrivateResponsesOnly()
    {
        // Check the security stamp on every request: a renewal is due each time.
        await using var eager = site.App.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero)));
        using var browser = await eager.LoginAsync(await eager.CreateEditorAsync());

        foreach (var url in new[] { "/", "/api/spectra-list/", "/spectra/" })
        {
            using var response = await browser.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("Set-Cookie"), $"{url} renewed the login cookie");
        }

        using var me = await browser.Http.GetAsync("/api/me/");
        Assert.Contains(me.Headers.GetValues("Set-Cookie"), c => c.StartsWith("fpbase=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADueRenewalNeverRidesOnAGraphqlQuerySentByPost()
    {
        await using var eager = EagerStampChecks();
        using var browser = await eager.LoginAsync(await eager.CreateEditorAsync());

        using var response = await browser.Http.PostAsJsonAsync("/graphql/", new { query = "{ organisms { id } }" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.Public);
        Assert.False(response.Headers.Contains("Set-Cookie"), "POST /graphql/ renewed the login cookie");
    }

    [Fact]
    public async Task ASessionTheSecurityStampCheckSignsOutIsToldSoOnAPrivateResponse()
    {
        await using var eager = EagerStampChecks();
        var user = await eager.CreateEditorAsync();
        using var browser = await eager.LoginAsync(user);
        using (var scope = eager.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<FPbase.Data.Identity.ApplicationUser>>();
            Assert.True((await users.UpdateSecurityStampAsync((await users.FindByNameAsync(user.UserName))!)).Succeeded);
        }

        using var response = await browser.Http.GetAsync("/api/spectra-list/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("fpbase=;", StringComparison.Ordinal));
        // The sign-out asks for no-store itself; either way, no shared cache may keep this response.
        Assert.False(response.Headers.CacheControl?.Public, "a public response carried Set-Cookie");
        Assert.True(response.Headers.CacheControl?.Private == true || response.Headers.CacheControl?.NoStore == true);
    }

    [Fact]
    public async Task AnyCookieSetOnAPublicResponseMakesItPrivate()
    {
        using var client = site.App.CreateClient();
        using var response = await client.GetAsync("/api/test-probes/public-cookie/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("probe=", StringComparison.Ordinal));
        Assert.False(response.Headers.CacheControl?.Public);
        Assert.True(response.Headers.CacheControl?.Private);
        Assert.True(response.Headers.CacheControl?.NoCache);
    }

    /// <summary>The site checking the security stamp on every request: a renewal is due each time.</summary>
    private WebApplicationFactory<Program> EagerStampChecks()
        => site.App.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero)));
}

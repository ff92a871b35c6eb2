using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FPbase.Web.Features.Accounts;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Accounts;

/// <summary>API tokens: created and revoked by their owner, shown once, stored hashed, refused once revoked.</summary>
public sealed class ApiTokenTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task AnEditorCreatesATokenUsesItSeesItListedWithoutTheSecretAndRevokesIt()
    {
        var editor = await site.App.CreateEditorAsync();
        using var browser = await site.App.LoginAsync(editor);

        var created = await browser.SendJsonAsync(HttpMethod.Post, "/api/tokens/", new { name = "plate reader" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("no-store", created.Headers.CacheControl?.ToString());
        var token = await created.Content.ReadFromJsonAsync<CreatedApiToken>();
        Assert.NotNull(token);
        Assert.StartsWith("fpb_", token.Token);
        Assert.True(token.Token.Length >= 4 + 43, "32 random bytes in base64url at least");
        Assert.Equal(token.Token[..12], token.Prefix);
        Assert.Equal($"/api/tokens/{token.Id}/", created.Headers.Location?.OriginalString);

        using var script = ClientWith(token.Token);
        var me = await script.GetStringAsync("/api/me/");
        Assert.Contains($"\"username\":\"{editor.UserName}\"", me);
        Assert.Contains("\"authMethod\":\"token\"", me);
        Assert.Contains("\"csrfToken\":null", me);

        var list = await browser.Http.GetAsync("/api/tokens/");
        Assert.Equal("no-store", list.Headers.CacheControl?.ToString());
        var listed = await list.Content.ReadAsStringAsync();
        Assert.Contains("plate reader", listed);
        Assert.Contains(token.Prefix, listed);
        Assert.DoesNotContain(token.Token, listed);

        var revoked = await script.DeleteAsync($"/api/tokens/{token.Id}/");
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);

        var after = await script.GetAsync("/api/me/");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.StartsWith("Bearer", after.Headers.WwwAuthenticate.ToString());
        Assert.Equal("application/problem+json", after.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("plate reader", await browser.Http.GetStringAsync("/api/tokens/"));
    }

    [Fact]
    public async Task TheDatabaseHoldsOnlyTheTokensHashAndPrefix()
    {
        var editor = await site.App.CreateEditorAsync();
        using var browser = await site.App.LoginAsync(editor);
        var token = (await (await browser.SendJsonAsync(HttpMethod.Post, "/api/tokens/", new { name = "hash check" })).Content.ReadFromJsonAsync<CreatedApiToken>())!;

        var row = await site.App.WithDbAsync(db => db.ApiTokens.AsNoTracking().SingleAsync(t => t.Id == token.Id));
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(token.Token)), row.Hash);
        Assert.Equal(token.Prefix, row.Prefix);

        // Nowhere in the table as text, in any column of any row.
        var dump = await site.App.WithDbAsync(db => db.Database
            .SqlQueryRaw<string>("SELECT CAST(t.* AS text) AS \"Value\" FROM api_tokens t").ToListAsync());
        Assert.DoesNotContain(dump, d => d.Contains(token.Token[12..], StringComparison.Ordinal));
        Assert.DoesNotContain(dump, d => d.Contains(Convert.ToHexString(Encoding.UTF8.GetBytes(token.Token[12..])), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AnotherUserCanNeitherSeeNorRevokeMyToken()
    {
        var owner = await site.App.CreateEditorAsync();
        var other = await site.App.CreateEditorAsync();
        using var mine = await site.App.CreateBearerClientAsync(owner);
        using var theirs = await site.App.LoginAsync(other);
        using var theirScript = await site.App.CreateBearerClientAsync(other);

        Assert.Equal(HttpStatusCode.NotFound, (await theirs.SendJsonAsync(HttpMethod.Delete, $"/api/tokens/{mine.TokenId}/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirScript.Http.DeleteAsync($"/api/tokens/{mine.TokenId}/")).StatusCode);
        Assert.DoesNotContain(mine.Token[..12], await theirs.Http.GetStringAsync("/api/tokens/"));
        Assert.Equal(HttpStatusCode.OK, (await mine.Http.GetAsync("/api/me/")).StatusCode);
    }

    [Fact]
    public async Task AnUnknownOrMalformedTokenIs401EvenOnPublicReads()
    {
        foreach (var bad in new[] { "fpb_" + new string('A', 43), "fpb_not-a-token", "fpb_" + new string('x', 500) })
        {
            using var client = ClientWith(bad);
            var response = await client.GetAsync("/api/spectra-list/");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Null(response.Headers.ETag);
        }
    }

    [Fact]
    public async Task ATokenThatIsNotOursIsIgnoredOnPublicReadsWithAHintAndRefusedElsewhere()
    {
        // An FPbase client configured with an fpbase.org key sends it on every request.
        using var client = ClientWith("0123456789abcdef0123456789abcdef01234567");
        var read = await client.GetAsync("/api/spectra-list/");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Contains("\"spectra\"", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("not a token of this site", read.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/tokens/")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/api/tokens/", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
    }

    [Fact]
    public async Task AnonymousCallersGet401WithABearerChallengeOnTheTokenRoutes()
    {
        using var client = site.App.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync("/api/tokens/");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ATokenCannotCreateTokens()
    {
        using var script = await site.App.CreateBearerClientAsync(await site.App.CreateEditorAsync());
        var response = await script.Http.PostAsJsonAsync("/api/tokens/", new { name = "child" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ATokenNeedsANameOfAtMost100Characters()
    {
        using var browser = await site.App.LoginAsync(await site.App.CreateEditorAsync());
        foreach (var body in new object[] { new { name = "" }, new { name = new string('n', 101) }, new { other = 1 } })
        {
            var response = await browser.SendJsonAsync(HttpMethod.Post, "/api/tokens/", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("name", out _));
        }

        Assert.Equal("[]", await browser.Http.GetStringAsync("/api/tokens/"));
    }

    [Fact]
    public async Task CreatingATokenFromALoginSessionNeedsTheAntiforgeryToken()
    {
        var editor = await site.App.CreateEditorAsync();
        using var browser = await site.App.LoginAsync(editor);
        var response = await browser.Http.PostAsJsonAsync("/api/tokens/", new { name = "forged" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await site.App.WithDbAsync(db => db.ApiTokens.CountAsync(t => t.UserId == editor.Id)));
    }

    private HttpClient ClientWith(string token)
    {
        var client = site.App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

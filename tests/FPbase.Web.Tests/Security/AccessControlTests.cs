using System.Net;
using System.Net.Http.Json;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FPbase.Web.Tests.Security;

/// <summary>
/// Anonymous users read; editors write; staff approve. Cookie sessions need the antiforgery token on every
/// write, API tokens do not. Tried on the probe endpoints, which stand for the write routes.
/// </summary>
public sealed class AccessControlTests(ProbeSite site) : IClassFixture<ProbeSite>
{
    private const string EditorProbe = "/api/test-probes/editor/";
    private const string StaffProbe = "/api/test-probes/staff/";

    [Fact]
    public async Task AnonymousWritesAre401WithABearerChallengeAndProblemDetails()
    {
        using var client = site.ClientFrom("10.1.0.1");
        foreach (var probe in new[] { EditorProbe, StaffProbe })
        {
            var response = await client.PostAsJsonAsync(probe, new { });
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task AnAnonymousVisitorOfAProtectedPageIsSentToTheLoginForm()
    {
        using var client = site.ClientFrom("10.1.0.2");
        var response = await client.GetAsync("/test-probes/editor-page/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/accounts/login/?ReturnUrl=", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task AUserWithoutARoleMayNotWrite()
    {
        using var browser = await site.App.LoginAsync(await site.App.CreateUserAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.SendJsonAsync(HttpMethod.Post, EditorProbe, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.Http.GetAsync("/test-probes/editor-page/")).StatusCode);
    }

    [Fact]
    public async Task AnEditorWritesButMayNotDoWhatOnlyStaffMay()
    {
        var editor = await site.App.CreateEditorAsync();
        using var browser = await site.App.LoginAsync(editor);
        using var script = await site.App.CreateBearerClientAsync(editor);

        var viaCookie = await browser.SendJsonAsync(HttpMethod.Post, EditorProbe, new { });
        Assert.Equal(HttpStatusCode.OK, viaCookie.StatusCode);
        Assert.Contains(editor.UserName, await viaCookie.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await script.Http.PostAsJsonAsync(EditorProbe, new { })).StatusCode);

        var staffViaCookie = await browser.SendJsonAsync(HttpMethod.Post, StaffProbe, new { });
        Assert.Equal(HttpStatusCode.Forbidden, staffViaCookie.StatusCode);
        Assert.Equal("application/problem+json", staffViaCookie.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await script.Http.PostAsJsonAsync(StaffProbe, new { })).StatusCode);
    }

    [Fact]
    public async Task StaffMayDoEverythingAnEditorMay()
    {
        var staff = await site.App.CreateStaffAsync();
        using var browser = await site.App.LoginAsync(staff);
        using var script = await site.App.CreateBearerClientAsync(staff);

        Assert.Equal(HttpStatusCode.OK, (await browser.SendJsonAsync(HttpMethod.Post, EditorProbe, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.SendJsonAsync(HttpMethod.Post, StaffProbe, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await script.Http.PostAsJsonAsync(EditorProbe, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await script.Http.PostAsJsonAsync(StaffProbe, new { })).StatusCode);
    }

    [Fact]
    public async Task ALoggedInEditorsWriteWithoutTheAntiforgeryTokenIs400()
    {
        using var browser = await site.App.LoginAsync(await site.App.CreateEditorAsync());
        var json = await browser.Http.PostAsJsonAsync(EditorProbe, new { });
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Equal("application/problem+json", json.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ACrossSiteFormPostRidingOnTheEditorsCookieIsRefused()
    {
        using var browser = await site.App.LoginAsync(await site.App.CreateEditorAsync());
        using var forged = new HttpRequestMessage(HttpMethod.Post, "/test-probes/editor-form/")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "forged" }),
        };
        forged.Headers.Add("Origin", "https://evil.example");
        forged.Headers.Add("Sec-Fetch-Site", "cross-site");

        Assert.Equal(HttpStatusCode.BadRequest, (await browser.Http.SendAsync(forged)).StatusCode);
        // The same form with the session's token goes through.
        Assert.Equal(HttpStatusCode.OK, (await browser.PostFormAsync("/test-probes/editor-form/", new() { ["name"] = "mine" })).StatusCode);
    }

    [Fact]
    public async Task AnotherSessionsAntiforgeryTokenDoesNotWork()
    {
        using var mallory = await site.App.LoginAsync(await site.App.CreateEditorAsync());
        using var alice = await site.App.LoginAsync(await site.App.CreateEditorAsync());
        var mallorysToken = await mallory.GetCsrfTokenAsync();

        using var request = new HttpRequestMessage(HttpMethod.Post, EditorProbe) { Content = JsonContent.Create(new { }) };
        request.Headers.Add("X-CSRF-Token", mallorysToken);
        Assert.Equal(HttpStatusCode.BadRequest, (await alice.Http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task AnApiTokenWriteNeedsNoAntiforgeryToken()
    {
        using var script = await site.App.CreateBearerClientAsync(await site.App.CreateEditorAsync());
        var response = await script.Http.PostAsJsonAsync(EditorProbe, new { });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RolesGrantedLaterApplyToApiTokensAtOnce()
    {
        var user = await site.App.CreateUserAsync();
        using var script = await site.App.CreateBearerClientAsync(user);
        Assert.Equal(HttpStatusCode.Forbidden, (await script.Http.PostAsJsonAsync(EditorProbe, new { })).StatusCode);

        await using (var scope = site.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<FPbase.Data.Identity.ApplicationUser>>();
            await users.AddToRoleAsync((await users.FindByIdAsync(user.Id))!, FPbase.Data.Identity.Roles.Editor);
        }

        Assert.Equal(HttpStatusCode.OK, (await script.Http.PostAsJsonAsync(EditorProbe, new { })).StatusCode);
    }
}

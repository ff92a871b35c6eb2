using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FPbase.Data;
using FPbase.Data.Identity;
using FPbase.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FPbase.Web.Tests.Infrastructure;

/// <summary>A user created for a test, with the password that logs them in.</summary>
public sealed record TestUser(string Id, string UserName, string Email, string Password);

/// <summary>
/// Users and logged-in clients for tests of anything behind a login (write routes, per-user responses):
/// <code>
/// var editor = await site.App.CreateUserAsync(Roles.Editor);      // or CreateEditorAsync / CreateStaffAsync
/// using var browser = await site.App.LoginAsync(editor);           // cookie session, through the real login form
/// var response = await browser.PostFormAsync("/protein/egfp/edit/", new() { ["name"] = "EGFP" });   // antiforgery token added
/// var json = await browser.SendJsonAsync(HttpMethod.Patch, "/api/...", new { ... });               // X-CSRF-Token header added
/// using var script = await site.App.CreateBearerClientAsync(editor); // Authorization: Bearer fpb_..., no antiforgery needed
/// </code>
/// Every user has a new random name; roles are <see cref="Roles.Editor"/> and <see cref="Roles.Staff"/> (Staff
/// implies Editor for the policies, so a staff user needs only Staff). Works on FpbaseApplication and on
/// factories derived from it with WithWebHostBuilder.
/// </summary>
public static class SiteAccounts
{
    public const string Password = "correct horse battery staple";

    public static Task<TestUser> CreateUserAsync(this WebApplicationFactory<Program> app, params string[] roles) => app.Services.CreateUserAsync(roles);

    /// <summary>The same on any running site's services (the browser tests' Kestrel site).</summary>
    public static async Task<TestUser> CreateUserAsync(this IServiceProvider services, params string[] roles)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var name = "user-" + Guid.NewGuid().ToString("N")[..12];
        var user = new ApplicationUser { UserName = name, Email = name + "@example.org" };
        Check(await users.CreateAsync(user, Password));
        foreach (var role in roles)
        {
            Check(await users.AddToRoleAsync(user, role));
        }

        return new TestUser(user.Id, name, user.Email, Password);
    }

    public static Task<TestUser> CreateEditorAsync(this WebApplicationFactory<Program> app) => app.CreateUserAsync(Roles.Editor);

    public static Task<TestUser> CreateStaffAsync(this WebApplicationFactory<Program> app) => app.CreateUserAsync(Roles.Staff);

    /// <summary>A browser-like client (cookies kept, redirects not followed) logged in as <paramref name="user"/> through the login form.</summary>
    public static async Task<CookieClient> LoginAsync(this WebApplicationFactory<Program> app, TestUser user)
    {
        var client = new CookieClient(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }), user);
        var response = await client.PostFormAsync("/accounts/login/", new() { ["Login"] = user.UserName, ["Password"] = user.Password }, "/accounts/login/");
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Login of {user.UserName} failed: {(int)response.StatusCode}.");
        }

        return client;
    }

    /// <summary>An anonymous browser-like client (cookies kept, redirects not followed): for login, register, anonymous forms.</summary>
    public static CookieClient CreateBrowserClient(this WebApplicationFactory<Program> app)
        => new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }), null);

    /// <summary>
    /// A client with <c>Authorization: Bearer</c> and a new API token of <paramref name="user"/> (made directly in
    /// the database, as <c>POST /api/tokens/</c> would). No cookies.
    /// </summary>
    public static async Task<BearerClient> CreateBearerClientAsync(this WebApplicationFactory<Program> app, TestUser user)
    {
        var secret = ApiTokenGenerator.NewSecret();
        var token = new ApiToken { UserId = user.Id, Name = "test", Prefix = ApiTokenGenerator.PrefixOf(secret), Hash = ApiTokenGenerator.Hash(secret) };
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FpbaseDbContext>();
            db.ApiTokens.Add(token);
            await db.SaveChangesAsync();
        }

        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return new BearerClient(client, user, token.Id, secret);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}

/// <summary>A script's client: <c>Authorization: Bearer {Token}</c>.</summary>
public sealed record BearerClient(HttpClient Http, TestUser User, int TokenId, string Token) : IDisposable
{
    public void Dispose() => Http.Dispose();
}

/// <summary>
/// A browser session: cookies kept (login cookie and antiforgery cookie), redirects not followed. Unsafe
/// requests get the antiforgery token a page of ours would send.
/// </summary>
public sealed partial class CookieClient(HttpClient http, TestUser? user) : IDisposable
{
    public HttpClient Http { get; } = http;

    /// <summary>Null for an anonymous session.</summary>
    public TestUser? User { get; } = user;

    /// <summary>
    /// The antiforgery request token of this session: from <c>GET /api/me/</c> when logged in, else from the
    /// login page's form.
    /// </summary>
    public async Task<string> GetCsrfTokenAsync()
    {
        using var me = await Http.GetAsync("/api/me/");
        me.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await me.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("csrfToken").GetString() ?? await TokenFromPageAsync("/accounts/login/");
    }

    /// <summary>
    /// Posts a form with the antiforgery token in <c>__RequestVerificationToken</c>, taken from the page
    /// <paramref name="formPage"/> as a browser would (or as <see cref="GetCsrfTokenAsync"/> finds it when null).
    /// </summary>
    public Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields, string? formPage = null)
        => PostFormAsync(path, (IEnumerable<KeyValuePair<string, string>>)fields, formPage);

    /// <summary>The same with fields in order, a name repeated once per row as a form with repeated rows sends them.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, string? formPage = null)
    {
        var token = formPage is null ? await GetCsrfTokenAsync() : await TokenFromPageAsync(formPage);
        return await Http.PostAsync(path, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]));
    }

    /// <summary>Sends JSON (or nothing) with the antiforgery token in the <c>X-CSRF-Token</c> header.</summary>
    public async Task<HttpResponseMessage> SendJsonAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-CSRF-Token", await GetCsrfTokenAsync());
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await Http.SendAsync(request);
    }

    /// <summary>The hidden antiforgery field of the form on <paramref name="page"/>.</summary>
    public async Task<string> TokenFromPageAsync(string page)
    {
        var html = await Http.GetStringAsync(page);
        var match = HiddenToken().Match(html);
        return match.Success ? System.Net.WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"{page} has no antiforgery field.");
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex HiddenToken();
}

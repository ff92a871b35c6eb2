using System.Net;
using FPbase.Data.Identity;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Accounts;

/// <summary>Register, log in, log out through the site's own forms, with antiforgery tokens.</summary>
public sealed class AccountFormsTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task AVisitorRegistersIsLoggedInAsAnEditorLogsOutAndLogsInAgain()
    {
        using var browser = site.App.CreateBrowserClient();
        var name = "reg-" + Guid.NewGuid().ToString("N")[..10];

        var registered = await browser.PostFormAsync("/accounts/register/", new()
        {
            ["UserName"] = name,
            ["Email"] = name + "@example.org",
            ["Password"] = SiteAccounts.Password,
            ["ConfirmPassword"] = SiteAccounts.Password,
            ["ReturnUrl"] = "/spectra/",
        }, "/accounts/register/");
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal("/spectra/", registered.Headers.Location?.OriginalString);
        var me = await MeAsync(browser);
        Assert.Contains($"\"username\":\"{name}\"", me);
        Assert.Contains("\"roles\":[\"Editor\"]", me);
        Assert.Contains("\"canEdit\":true", me);

        var loggedOut = await browser.PostFormAsync("/accounts/logout/", [], "/accounts/logout/");
        Assert.Equal(HttpStatusCode.Redirect, loggedOut.StatusCode);
        Assert.Contains("\"authenticated\":false", await MeAsync(browser));

        var loggedIn = await browser.PostFormAsync("/accounts/login/", new() { ["Login"] = name + "@example.org", ["Password"] = SiteAccounts.Password }, "/accounts/login/");
        Assert.Equal(HttpStatusCode.Redirect, loggedIn.StatusCode);
        Assert.Equal("/", loggedIn.Headers.Location?.OriginalString);
        Assert.Contains($"\"username\":\"{name}\"", await MeAsync(browser));
    }

    [Fact]
    public async Task TheLoginCookieIsHttpOnlyAndSameSiteLax()
    {
        var user = await site.App.CreateEditorAsync();
        using var browser = site.App.CreateBrowserClient();
        var response = await browser.PostFormAsync("/accounts/login/", new() { ["Login"] = user.UserName, ["Password"] = user.Password }, "/accounts/login/");

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("fpbase=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AWrongPasswordShowsTheFormAgainWith400AndNoCookie()
    {
        var user = await site.App.CreateEditorAsync();
        using var browser = site.App.CreateBrowserClient();
        var response = await browser.PostFormAsync("/accounts/login/", new() { ["Login"] = user.UserName, ["Password"] = "not the password" }, "/accounts/login/");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Wrong user name or password", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("fpbase=", StringComparison.Ordinal));
        Assert.Contains("\"authenticated\":false", await MeAsync(browser));
    }

    [Fact]
    public async Task AFormPostWithoutTheAntiforgeryTokenIs400AndCreatesNoAccount()
    {
        using var browser = site.App.CreateBrowserClient();
        _ = await browser.Http.GetStringAsync("/accounts/register/"); // the antiforgery cookie is set, but the field is left out
        var name = "csrf-" + Guid.NewGuid().ToString("N")[..10];

        var response = await browser.Http.PostAsync("/accounts/register/", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = name,
            ["Email"] = name + "@example.org",
            ["Password"] = SiteAccounts.Password,
            ["ConfirmPassword"] = SiteAccounts.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(await site.App.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == name)));
    }

    [Fact]
    public async Task ALoginNeverRedirectsToAnotherSite()
    {
        var user = await site.App.CreateEditorAsync();
        using var browser = site.App.CreateBrowserClient();
        var response = await browser.PostFormAsync("/accounts/login/", new()
        {
            ["Login"] = user.UserName,
            ["Password"] = user.Password,
            ["ReturnUrl"] = "https://evil.example/phish",
        }, "/accounts/login/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TheFormPagesAreNeverStoredByAnyCache()
    {
        using var browser = site.App.CreateBrowserClient();
        foreach (var page in new[] { "/accounts/login/", "/accounts/register/", "/accounts/logout/" })
        {
            using var response = await browser.Http.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
            Assert.Null(response.Headers.ETag);
            Assert.Contains("__RequestVerificationToken", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task RegistrationRefusesAShortPasswordAndATakenNameWith400()
    {
        var existing = await site.App.CreateEditorAsync();
        using var browser = site.App.CreateBrowserClient();
        var shortPassword = await browser.PostFormAsync("/accounts/register/", new()
        {
            ["UserName"] = "short-" + Guid.NewGuid().ToString("N")[..8],
            ["Email"] = Guid.NewGuid().ToString("N")[..8] + "@example.org",
            ["Password"] = "abc",
            ["ConfirmPassword"] = "abc",
        }, "/accounts/register/");
        var taken = await browser.PostFormAsync("/accounts/register/", new()
        {
            ["UserName"] = existing.UserName,
            ["Email"] = Guid.NewGuid().ToString("N")[..8] + "@example.org",
            ["Password"] = SiteAccounts.Password,
            ["ConfirmPassword"] = SiteAccounts.Password,
        }, "/accounts/register/");

        Assert.Equal(HttpStatusCode.BadRequest, shortPassword.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Contains("\"authenticated\":false", await MeAsync(browser));
    }

    [Fact]
    public async Task PasswordsAreStoredHashed()
    {
        var user = await site.App.CreateEditorAsync();
        var stored = await site.App.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.PasswordHash).SingleAsync());
        Assert.NotNull(stored);
        Assert.DoesNotContain(user.Password, stored);
        var hasher = new PasswordHasher<ApplicationUser>();
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(new ApplicationUser(), stored, user.Password));
    }

    private static async Task<string> MeAsync(CookieClient browser) => await browser.Http.GetStringAsync("/api/me/");
}

/// <summary>The account page says who is logged in; the layout of public pages does not.</summary>
public sealed class AccountPageTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task TheLoginPageNamesTheLoggedInUserAndPublicPagesLinkToItForEveryone()
    {
        var user = await site.App.CreateEditorAsync();
        using var browser = await site.App.LoginAsync(user);
        using var anonymous = site.App.CreateClient();

        Assert.Contains(user.UserName, await browser.Http.GetStringAsync("/accounts/login/"));
        Assert.DoesNotContain("logged-in-as", await anonymous.GetStringAsync("/accounts/login/"));
        var home = await browser.Http.GetStringAsync("/");
        Assert.Contains("href=\"/accounts/login/\"", home);
        Assert.DoesNotContain(user.UserName, home);
        Assert.Equal(await anonymous.GetStringAsync("/"), home);
    }
}

using System.Net;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Accounts;

/// <summary>
/// In production (HTTPS) the cookies are <c>Secure</c> and named <c>__Host-...</c>, which browsers accept only
/// from a secure origin, for the whole host and path <c>/</c>. Tried with <c>Accounts:SecureCookies</c> over an
/// https base address; and a second instance of the site reads the first one's login cookie.
/// </summary>
public sealed class SecureCookieTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task OverHttpsTheLoginAndAntiforgeryCookiesAreSecureHostCookies()
    {
        await using var production = site.App.WithWebHostBuilder(builder => builder.UseSetting("Accounts:SecureCookies", "true"));
        var user = await production.CreateEditorAsync();
        using var browser = new CookieClient(production.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
        }), user);

        var form = await browser.Http.GetAsync("/accounts/login/");
        var antiforgery = Assert.Single(form.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("__Host-fpbase.csrf=", antiforgery);
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", antiforgery, StringComparison.OrdinalIgnoreCase);

        var login = await browser.PostFormAsync("/accounts/login/", new() { ["Login"] = user.UserName, ["Password"] = user.Password }, "/accounts/login/");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-fpbase=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(user.UserName, await browser.Http.GetStringAsync("/api/me/"));
    }

    [Fact]
    public async Task AnotherInstanceOfTheSiteReadsTheLoginCookieThroughTheSharedKeyRing()
    {
        var user = await site.App.CreateEditorAsync();
        using var first = await site.App.LoginAsync(user);
        var cookie = Assert.Single((await first.Http.GetAsync("/api/me/")).RequestMessage!.Headers.GetValues("Cookie"));

        // The key ring is in the database, where every instance finds it.
        Assert.True(await site.App.WithDbAsync(db => db.DataProtectionKeys.AnyAsync()));

        // A second host on the same database.
        await using var second = site.App.WithWebHostBuilder(builder => builder.UseSetting("HttpCaching:KeyPrefix", FpbaseApplication.NewKeyPrefix()));
        using var client = second.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me/");
        request.Headers.Add("Cookie", cookie);
        Assert.Contains($"\"username\":\"{user.UserName}\"", await (await client.SendAsync(request)).Content.ReadAsStringAsync());
    }
}

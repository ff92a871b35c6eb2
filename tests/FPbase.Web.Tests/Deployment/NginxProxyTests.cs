using System.Net;
using FPbase.Web.Tests.Infrastructure;

namespace FPbase.Web.Tests.Deployment;

/// <summary>
/// Production behind a TLS-terminating nginx, exactly as docs/deployment.md sets it up (deploy/nginx/fpbase.conf,
/// <c>ForwardedHeaders:KnownProxies=127.0.0.1</c>): logins work over the proxy's HTTPS with Secure <c>__Host-</c>
/// cookies; the site sees each client's address (rate limits per client, not per proxy) and believes forwarded
/// headers from the proxy only. Each test is a different client (its own 127.0.0.x source address).
/// </summary>
public sealed class NginxProxyTests(NginxProxyTests.Deployment deployment) : IClassFixture<NginxProxyTests.Deployment>
{
    private const int AnonymousPerMinute = 3;

    private static readonly HttpStatusCode[] LimitReachedAfterTheLimit = [.. Enumerable.Repeat(HttpStatusCode.OK, AnonymousPerMinute), HttpStatusCode.TooManyRequests];

    [Fact]
    public async Task ThroughNginxTheAccountFormsWorkAndSetSecureHostCookies()
    {
        var cookies = new CookieContainer();
        using var browser = new CookieClient(deployment.Proxy.CreateClient(deployment.Proxy.HttpsAddress, cookies: cookies), null);

        using var form = await browser.Http.GetAsync("/accounts/register/");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var antiforgery = Assert.Single(form.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("__Host-fpbase.csrf=", antiforgery);
        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);

        var name = "proxy-" + Guid.NewGuid().ToString("N")[..10];
        using var registered = await browser.PostFormAsync("/accounts/register/", new()
        {
            ["UserName"] = name,
            ["Email"] = name + "@example.org",
            ["Password"] = SiteAccounts.Password,
            ["ConfirmPassword"] = SiteAccounts.Password,
        }, "/accounts/register/");
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Contains($"\"username\":\"{name}\"", await browser.Http.GetStringAsync("/api/me/"));

        using var loggedOut = await browser.PostFormAsync("/accounts/logout/", [], "/accounts/logout/");
        Assert.Equal(HttpStatusCode.Redirect, loggedOut.StatusCode);
        Assert.Contains("\"authenticated\":false", await browser.Http.GetStringAsync("/api/me/"));

        using var login = await browser.PostFormAsync("/accounts/login/", new() { ["Login"] = name, ["Password"] = SiteAccounts.Password }, "/accounts/login/");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-fpbase=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"\"username\":\"{name}\"", await browser.Http.GetStringAsync("/api/me/"));
    }

    [Fact]
    public async Task ThroughNginxEachClientHasItsOwnRateLimitAndCannotForgeItsAddress()
    {
        using var first = deployment.Proxy.CreateClient(deployment.Proxy.HttpsAddress, "127.0.0.2");
        using var second = deployment.Proxy.CreateClient(deployment.Proxy.HttpsAddress, "127.0.0.3");

        // Every request claims another address: nginx appends the real one, the only one the site reads.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= AnonymousPerMinute; i++)
        {
            statuses.Add(await StatusAsync(first, "/api/me/", ("X-Forwarded-For", $"198.51.100.{i + 1}")));
        }

        Assert.Equal(LimitReachedAfterTheLimit, statuses);

        // Through the same proxy, another client is not limited by the first one's requests.
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(second, "/api/me/"));
    }

    [Fact]
    public async Task AClientThatBypassesTheProxyIsNotBelievedItsForwardedHeadersAreIgnored()
    {
        // Directly to the site's port, from an address that is not the known proxy.
        using var direct = deployment.Proxy.CreateClient(deployment.Site, "127.0.0.4");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= AnonymousPerMinute; i++)
        {
            statuses.Add(await StatusAsync(direct, "/api/me/", ("X-Forwarded-For", $"203.0.113.{i + 1}")));
        }

        Assert.Equal(LimitReachedAfterTheLimit, statuses);

        // Nor is its claim of HTTPS: over plain HTTP the login form needs the Secure cookie, which cannot be set.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/accounts/login/");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "127.0.0.1");
        using var login = await direct.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, login.StatusCode);
        Assert.Contains("\"title\":\"HTTPS required\"", await login.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PlainHttpToNginxIsRedirectedToHttps()
    {
        using var client = deployment.Proxy.CreateClient(deployment.Proxy.HttpAddress, "127.0.0.5");

        using var response = await client.GetAsync("/accounts/login/");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("https", response.Headers.Location?.Scheme);
        Assert.Equal("/accounts/login/", response.Headers.Location?.AbsolutePath);
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>The site in Production on 127.0.0.1 (plain HTTP), trusting 127.0.0.1, and nginx in front of it.</summary>
    public sealed class Deployment : IAsyncLifetime
    {
        private TestDatabase? _database;
        private SiteProcess? _site;

        public NginxProxy Proxy { get; private set; } = null!;

        public Uri Site { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _database = await TestDatabase.CreateAsync();
            _site = SiteProcess.Start("Production", new Dictionary<string, string>
            {
                ["ConnectionStrings:Postgres"] = _database.ConnectionString,
                ["ForwardedHeaders:KnownProxies"] = "127.0.0.1",
                ["RateLimiting:AnonymousPerMinute"] = AnonymousPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["RateLimiting:BurstSeconds"] = "60",
                ["Seed:Enabled"] = "false",
            });
            Site = await _site.WaitUntilListeningAsync();
            Proxy = await NginxProxy.StartAsync(Site);
        }

        public async Task DisposeAsync()
        {
            if (Proxy is not null)
            {
                await Proxy.DisposeAsync();
            }

            if (_site is not null)
            {
                await _site.DisposeAsync();
            }

            if (_database is not null)
            {
                await _database.DisposeAsync();
            }
        }
    }
}

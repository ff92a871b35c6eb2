using System.Net;
using FPbase.Web.Tests.Infrastructure;

namespace FPbase.Web.Tests.Deployment;

/// <summary>
/// The built site started as a process, as an operator starts it: a configuration that cannot work stops it at
/// start with one line on stderr saying what to set (and exit code 1, before the database is touched); the plain
/// HTTP configurations that can work (Development; Production with Accounts:SecureCookies=false) start and serve
/// the login form. Behind a proxy: <see cref="NginxProxyTests"/>.
/// </summary>
public sealed class SiteStartupTests(SiteStartupTests.Database database) : IClassFixture<SiteStartupTests.Database>
{
    // Nothing answers there: a site that got as far as the database would fail differently, and slower.
    private const string NoDatabase = "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none;Timeout=2";

    [Fact]
    public async Task InProductionOverPlainHttpWithSecureCookiesAndNoTrustedProxyTheSiteRefusesToStartWithOneLine()
    {
        await using var site = SiteProcess.Start("Production", new Dictionary<string, string> { ["ConnectionStrings:Postgres"] = NoDatabase });

        Assert.Equal(1, await site.WaitForExitAsync());
        var line = Assert.Single(site.StandardError, l => l.Length > 0);
        Assert.Equal(
            "FPbase cannot start: Accounts:SecureCookies is on (the default in the Production environment), so the login and antiforgery cookies need HTTPS, "
            + "but the site listens on plain HTTP only (http://127.0.0.1:0) and trusts no proxy. Either serve HTTPS (an https:// URL in ASPNETCORE_URLS or Kestrel:Endpoints), "
            + "or behind a TLS-terminating proxy set ForwardedHeaders:KnownProxies (or ForwardedHeaders:KnownNetworks) to the proxy's address, "
            + "or to serve plain HTTP set Accounts:SecureCookies=false.",
            line);
        Assert.DoesNotContain(site.StandardOutput, l => l.Contains("Now listening", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ForwardedHeadersSettingsThatDoNotParseStopTheSiteAtStartNamingEachValue()
    {
        await using var site = SiteProcess.Start("Production", new Dictionary<string, string>
        {
            ["ConnectionStrings:Postgres"] = NoDatabase,
            ["ForwardedHeaders:KnownProxies"] = "127.0.0.1, 10.0.0.300",
            ["ForwardedHeaders:KnownNetworks:0"] = "10.0.0.1/8",
            ["ForwardedHeaders:ForwardLimit"] = "0",
        });

        Assert.Equal(1, await site.WaitForExitAsync());
        var line = Assert.Single(site.StandardError, l => l.Length > 0);
        Assert.Equal(
            "FPbase cannot start: ForwardedHeaders:KnownProxies has '10.0.0.300', which is not an IP address (e.g. 10.0.0.5 or fd00::5). "
            + "ForwardedHeaders:KnownNetworks has '10.0.0.1/8', which is not a network in CIDR form with zero host bits (e.g. 10.0.0.0/8 or fd00::/8). "
            + "ForwardedHeaders:ForwardLimit is '0', not a whole number from 1 up.",
            line);
    }

    [Fact]
    public async Task APageViewWriteIntervalOfZeroStopsTheSiteWithOneLine()
    {
        await using var site = SiteProcess.Start("Development", new Dictionary<string, string>
        {
            ["ConnectionStrings:Postgres"] = NoDatabase,
            ["Popularity:FlushInterval"] = "00:00:00",
        });

        Assert.Equal(1, await site.WaitForExitAsync());
        Assert.Equal(
            "FPbase cannot start: Popularity:FlushInterval must be between 00:00:01 and 01:00:00.",
            Assert.Single(site.StandardError, l => l.Length > 0));
    }

    [Fact]
    public async Task AFreshnessClassChosenInTheSettingsInsteadOfOnTheEndpointStopsTheSiteWithOneLine()
    {
        await using var site = SiteProcess.Start("Development", new Dictionary<string, string>
        {
            ["ConnectionStrings:Postgres"] = NoDatabase,
            ["HttpCaching:Endpoints:protein-page"] = "private",
        });

        Assert.Equal(1, await site.WaitForExitAsync());
        Assert.Equal(
            "FPbase cannot start: HttpCaching:Endpoints:protein-page names freshness class 'private', but the setting is no longer read: "
            + "set FreshnessClass on the endpoint's [CacheResources] instead.",
            Assert.Single(site.StandardError, l => l.Length > 0));
    }

    [Fact]
    public async Task AnEntrezBaseUrlThatIsNoHttpUrlStopsTheSiteWithOneLine()
    {
        await using var site = SiteProcess.Start("Development", new Dictionary<string, string>
        {
            ["ConnectionStrings:Postgres"] = NoDatabase,
            ["GenBank:EntrezBaseUrl"] = "eutils.ncbi.nlm.nih.gov/entrez",
        });

        Assert.Equal(1, await site.WaitForExitAsync());
        Assert.Equal(
            "FPbase cannot start: GenBank:EntrezBaseUrl is 'eutils.ncbi.nlm.nih.gov/entrez', not an absolute http or https URL without a query "
            + "(e.g. https://eutils.ncbi.nlm.nih.gov/entrez/eutils/).",
            Assert.Single(site.StandardError, l => l.Length > 0));
    }

    [Theory]
    [InlineData("Development", null, "fpbase.csrf=")]
    [InlineData("Production", "false", "fpbase.csrf=")]
    public async Task OverPlainHttpWithoutSecureCookiesTheSiteStartsAndServesTheLoginForm(string environment, string? secureCookies, string cookie)
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Postgres"] = database.Value.ConnectionString,
            ["Seed:Enabled"] = "false",
        };
        if (secureCookies is not null)
        {
            settings["Accounts:SecureCookies"] = secureCookies;
        }

        await using var site = SiteProcess.Start(environment, settings);
        using var client = new HttpClient { BaseAddress = await site.WaitUntilListeningAsync() };

        using var form = await client.GetAsync("/accounts/login/");

        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var antiforgery = Assert.Single(form.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(cookie, antiforgery);
        Assert.DoesNotContain("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task InProductionEveryLogLineIsOneJsonObjectWithItsLevelCategoryAndTime()
    {
        await using var site = SiteProcess.Start("Production", new Dictionary<string, string>
        {
            ["ConnectionStrings:Postgres"] = database.Value.ConnectionString,
            ["Seed:Enabled"] = "false",
            ["Accounts:SecureCookies"] = "false",
        });
        await site.WaitUntilListeningAsync();

        var lines = site.StandardOutput.Where(l => l.Length > 0).ToList();
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            using var json = System.Text.Json.JsonDocument.Parse(line);
            var entry = json.RootElement;
            Assert.True(DateTimeOffset.TryParse(entry.GetProperty("Timestamp").GetString(), System.Globalization.CultureInfo.InvariantCulture, out var at), line);
            Assert.Equal(TimeSpan.Zero, at.Offset);
            Assert.False(string.IsNullOrEmpty(entry.GetProperty("LogLevel").GetString()), line);
            Assert.False(string.IsNullOrEmpty(entry.GetProperty("Category").GetString()), line);
        }

        Assert.Contains(lines, l => l.Contains("\"Category\":\"Microsoft.Hosting.Lifetime\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFirstStartOnAnEmptyDatabaseLogsNoError()
    {
        // EF Core reads the migrations history before creating it, and logged the failed SELECT as an error: the
        // first thing an operator saw of a new install.
        await using var empty = await TestDatabase.CreateAsync();
        await using var site = SiteProcess.Start("Production", new Dictionary<string, string>
        {
            ["ConnectionStrings:Postgres"] = empty.ConnectionString,
            ["Seed:Enabled"] = "false",
            ["Accounts:SecureCookies"] = "false",
        });
        var address = await site.WaitUntilListeningAsync();
        using var client = new HttpClient { BaseAddress = address };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        var error = site.StandardOutput.FirstOrDefault(l => l.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal) || l.Contains("\"LogLevel\":\"Critical\"", StringComparison.Ordinal));
        Assert.True(error is null, error);
    }

    /// <summary>One database for the starts that get that far (migrated by the first).</summary>
    public sealed class Database : IAsyncLifetime
    {
        public TestDatabase Value { get; private set; } = null!;

        public async Task InitializeAsync() => Value = await TestDatabase.CreateAsync();

        public async Task DisposeAsync() => await Value.DisposeAsync();
    }
}

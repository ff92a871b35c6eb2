using FPbase.Data;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FPbase.Web.Tests.Browser;

/// <summary>
/// The real site on Kestrel with a real port (a browser cannot reach the in-memory test server), on a
/// throwaway PostgreSQL database and the real Redis, plus headless Debian Chromium driven by Playwright.
/// One per test class.
/// </summary>
public sealed class BrowserSite : IAsyncLifetime
{
    /// <summary>Debian's browser. Playwright must never download its own: these machines have no internet.</summary>
    private const string Chromium = "/usr/bin/chromium";

    private TestDatabase? _database;
    private FpbaseApplication? _application;
    private WebApplicationFactory<Program>? _kestrelSite;
    private IPlaywright? _playwright;

    public ServerResponseLog Responses { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException(
                $"{Chromium} is missing. Browser tests drive Debian's chromium package: `apt-get install -y chromium` (scripts/test installs it).");
        }

        _database = await TestDatabase.CreateAsync();
        _application = new FpbaseApplication(_database.ConnectionString, TestEnvironment.Redis, FpbaseApplication.NewKeyPrefix());
        // Same site, same settings (FpbaseApplication's ConfigureWebHost runs first), plus the response log.
        _kestrelSite = _application.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(Responses)));
        _kestrelSite.UseKestrel(0);
        _kestrelSite.StartServer();
        var addresses = _kestrelSite.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        BaseAddress = new Uri(addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>Runs <paramref name="work"/> with a DbContext of the running site.</summary>
    public async Task<T> WithDbAsync<T>(Func<FpbaseDbContext, Task<T>> work)
    {
        await using var scope = _kestrelSite!.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<FpbaseDbContext>());
    }

    /// <summary>A fresh browser profile (its own HTTP cache) with short timeouts: a page that fails should fail fast.</summary>
    public async Task<IPage> NewPageAsync(bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), JavaScriptEnabled = javaScript });
        context.SetDefaultTimeout(10_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_kestrelSite is not null)
        {
            await _kestrelSite.DisposeAsync();
        }

        if (_application is not null)
        {
            await _application.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

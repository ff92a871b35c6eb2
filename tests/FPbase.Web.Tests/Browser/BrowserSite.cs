using System.Collections.Concurrent;
using FPbase.Data;
using Microsoft.Playwright;

namespace FPbase.Web.Tests.Browser;

/// <summary>
/// The real site on Kestrel (<see cref="KestrelSite"/>) and headless Debian Chromium driven by
/// Playwright. One per test class.
/// </summary>
public sealed class BrowserSite : IAsyncLifetime
{
    /// <summary>Debian's browser. Playwright must never download its own: these machines have no internet.</summary>
    private const string Chromium = "/usr/bin/chromium";

    private KestrelSite? _site;
    private IPlaywright? _playwright;

    public ServerResponseLog Responses => _site!.Responses;

    /// <summary>The running site's services (to create users: <c>SiteAccounts.CreateUserAsync</c>).</summary>
    public IServiceProvider Services => _site!.Services;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException(
                $"{Chromium} is missing. Browser tests drive Debian's chromium package: `apt-get install -y chromium` (scripts/test installs it).");
        }

        _site = await KestrelSite.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>Runs <paramref name="work"/> with a DbContext of the running site.</summary>
    public Task<T> WithDbAsync<T>(Func<FpbaseDbContext, Task<T>> work) => _site!.WithDbAsync(work);

    /// <summary>
    /// A fresh browser profile (its own HTTP cache) with short timeouts: a page that fails should fail fast,
    /// and say why (script errors, console errors, failed requests).
    /// </summary>
    public async Task<BrowserTab> NewPageAsync(bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _site!.BaseAddress.ToString(), JavaScriptEnabled = javaScript });
        context.SetDefaultTimeout(10_000);
        var page = await context.NewPageAsync();
        var tab = new BrowserTab(page);
        page.PageError += (_, error) => tab.Problems.Enqueue($"script error: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                tab.Problems.Enqueue($"console: {message.Text}");
            }
        };
        page.RequestFailed += (_, request) => tab.Problems.Enqueue($"request failed: {request.Method} {request.Url} {request.Failure}");
        return tab;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }
    }
}

/// <summary>A page and what went wrong in it, for failure messages.</summary>
public sealed record BrowserTab(IPage Page)
{
    public ConcurrentQueue<string> Problems { get; } = new();

    /// <summary>Runs a Playwright expectation; if it fails, the failure also lists the page's problems.</summary>
    public async Task ExpectAsync(Func<IPage, Task> expectation)
    {
        try
        {
            await expectation(Page);
        }
        catch (PlaywrightException error) when (!Problems.IsEmpty)
        {
            throw new PlaywrightException($"{error.Message}\nIn the page:\n{string.Join("\n", Problems)}", error);
        }
    }
}

using FPbase.Data;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FPbase.Web.Tests.Browser;

/// <summary>
/// The real site on Kestrel with a real port (what browsers and the wire see; the in-memory test server
/// neither serves a browser nor drops HEAD bodies), on a throwaway PostgreSQL database and the real
/// Redis, with a log of what the server answered.
/// </summary>
public sealed class KestrelSite : IAsyncDisposable
{
    private TestDatabase? _database;
    private FpbaseApplication? _application;
    private WebApplicationFactory<Program>? _site;

    public ServerResponseLog Responses { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _site!.Services;

    /// <summary>Starts the site; <paramref name="settings"/> are configuration keys set on top of the tests' own.</summary>
    public static async Task<KestrelSite> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var site = new KestrelSite();
        try
        {
            site._database = await TestDatabase.CreateAsync();
            site._application = new FpbaseApplication(site._database.ConnectionString, TestEnvironment.Redis, FpbaseApplication.NewKeyPrefix());
            // The same site with the same settings (FpbaseApplication's ConfigureWebHost runs first), plus the log.
            // A free port on loopback, chosen by the OS (UseKestrel(0) is not carried over to the factory that
            // WithWebHostBuilder makes: it listened on the default localhost:5000, which parallel classes share).
            // UseStaticWebAssets: wwwroot's precompressed files (.gz, .br) live in obj/ until publish, and only the
            // Development environment finds them by itself; without it a browser asking for gzip gets an error
            // instead of /js/viewer.js.
            site._site = site._application.WithWebHostBuilder(builder =>
            {
                builder
                    .UseUrls("http://127.0.0.1:0")
                    .UseStaticWebAssets()
                    .ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(site.Responses));
                foreach (var (key, value) in settings ?? new Dictionary<string, string>())
                {
                    builder.UseSetting(key, value);
                }
            });
            site._site.UseKestrel();
            site._site.StartServer();
            var addresses = site._site.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
            site.BaseAddress = new Uri(addresses.Addresses.Single());
            return site;
        }
        catch
        {
            await site.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client of the real port that follows no redirects, decodes nothing and keeps no cookies: every request is a stranger's.</summary>
    public HttpClient CreateWireClient()
        => new(new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = System.Net.DecompressionMethods.None, UseCookies = false })
        {
            BaseAddress = BaseAddress,
        };

    /// <summary>Runs <paramref name="work"/> with a DbContext of the running site.</summary>
    public async Task<T> WithDbAsync<T>(Func<FpbaseDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<FpbaseDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        if (_site is not null)
        {
            await _site.DisposeAsync();
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

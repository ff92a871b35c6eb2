using System.Net;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FPbase.Web.Tests.Security;

/// <summary>
/// The real site (FpbaseApplication) plus, for security tests only: the probe endpoints of
/// <see cref="ProbeController"/>, a client address taken from the <c>X-Test-Client-IP</c> header (the in-memory
/// server has none), and settings of the derived class (low rate limits).
/// </summary>
public abstract class SecuritySite : IAsyncLifetime
{
    public const string ClientIpHeader = "X-Test-Client-IP";

    private TestDatabase? _database;
    private FpbaseApplication? _application;

    public WebApplicationFactory<Program> App { get; private set; } = null!;

    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _application = new FpbaseApplication(_database.ConnectionString, TestEnvironment.Redis, FpbaseApplication.NewKeyPrefix());
        App = _application.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in Settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services =>
            {
                services.AddControllers().AddApplicationPart(typeof(ProbeController).Assembly);
                services.AddSingleton<IStartupFilter, ClientIpFromHeader>();
            });
        });
        _ = App.Server;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        if (_application is not null)
        {
            await _application.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>Runs <paramref name="work"/> with a DbContext of the site, as its own code would.</summary>
    public async Task<T> WithDbAsync<T>(Func<FPbase.Data.FpbaseDbContext, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<FPbase.Data.FpbaseDbContext>());
    }

    /// <summary>A plain client (no cookies, no redirects) that appears to come from <paramref name="ip"/>.</summary>
    public HttpClient ClientFrom(string ip)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add(ClientIpHeader, ip);
        return client;
    }

    private sealed class ClientIpFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientIpHeader].ToString(), out var ip))
                {
                    context.Connection.RemoteIpAddress = ip;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>The site with its usual (test) limits and the probes.</summary>
public sealed class ProbeSite : SecuritySite;

/// <summary>The site with low rate limits: anonymous 5 a minute, users 8, all of it at once (a minute's burst).</summary>
public sealed class RateLimitedSite : SecuritySite
{
    public const int Anonymous = 5;
    public const int User = 8;
    public const int CachedAnswersPerRequest = 4;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["RateLimiting:AnonymousPerMinute"] = Anonymous.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimiting:UserPerMinute"] = User.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimiting:CachedAnswersPerRequest"] = CachedAnswersPerRequest.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimiting:BurstSeconds"] = "60",
    };
}

/// <summary>The site with FPbase's limits (60 anonymous a minute) and the default burst of 10 seconds' worth.</summary>
public sealed class BurstLimitedSite : SecuritySite
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["RateLimiting:AnonymousPerMinute"] = "60",
    };
}

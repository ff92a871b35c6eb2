using System.Net;
using FPbase.Data;
using FPbase.Web.Features.Proteins.GenBank;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FPbase.Web.Tests.GenBank;

/// <summary>
/// The real site (PostgreSQL, Redis) talking to a <see cref="FakeEntrez"/>, with the MaxMind test database, and a
/// client address taken from the <c>X-Test-Client-IP</c> header (the in-memory server has none). Settings of the
/// derived class on top (the circuit breaker's).
/// </summary>
public class GenBankSite : IAsyncLifetime
{
    public const string ClientIpHeader = "X-Test-Client-IP";

    private TestDatabase? _database;
    private FpbaseApplication? _application;

    public WebApplicationFactory<Program> App { get; private set; } = null!;

    public FakeEntrez Entrez { get; private set; } = null!;

    public GenBankSequences Sequences => App.Services.GetRequiredService<GenBankSequences>();

    public static string CountryDatabase => Path.Combine(AppContext.BaseDirectory, "TestData", "GeoLite2-Country-Test.mmdb");

    /// <summary>The circuit never opens here (the failures some tests cause must not stop the others'); see <see cref="BreakingGenBankSite"/>.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["GenBank:BreakMinimumThroughput"] = "100000",
    };

    public async Task InitializeAsync()
    {
        Entrez = await FakeEntrez.StartAsync();
        _database = await TestDatabase.CreateAsync();
        _application = new FpbaseApplication(_database.ConnectionString, TestEnvironment.Redis, FpbaseApplication.NewKeyPrefix());
        App = _application.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("GenBank:EntrezBaseUrl", Entrez.BaseUrl.ToString());
            builder.UseSetting("GenBank:PageBudget", "00:00:00.300");
            builder.UseSetting("GenBank:BatchWindow", "00:00:00.050");
            builder.UseSetting("GenBank:AttemptTimeout", "00:00:30");
            builder.UseSetting("GenBank:TotalTimeout", "00:01:00");
            builder.UseSetting("GenBank:MaxRetries", "2");
            builder.UseSetting("GenBank:RetryDelay", "00:00:00.050");
            builder.UseSetting("Country:DatabasePath", CountryDatabase);
            foreach (var (key, value) in Settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientIpFromHeader>());
        });
        _ = App.Server;
    }

    /// <summary>A client (no redirects) that appears to come from <paramref name="ip"/>; it gives up after 15 s, so a request that waits for a stalled Entrez fails.</summary>
    public HttpClient ClientFrom(string ip)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add(ClientIpHeader, ip);
        client.Timeout = TimeSpan.FromSeconds(15);
        return client;
    }

    /// <summary>Gives the protein <paramref name="slug"/> a GenBank accession and a sequence, as an edit would (the write bumps its versions).</summary>
    public async Task SetProteinAsync(string slug, string? accession, string? sequence)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FpbaseDbContext>();
        var protein = await db.Proteins.SingleAsync(p => p.Slug == slug);
        protein.Genbank = accession;
        protein.Seq = sequence;
        await db.SaveChangesAsync();
    }

    /// <summary>The slugs of <paramref name="count"/> visible seeded proteins other than EGFP and mCherry.</summary>
    public async Task<List<string>> OtherProteinsAsync(int count)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FpbaseDbContext>();
        return await db.Proteins.Where(p => p.Slug != "egfp" && p.Slug != "mcherry" && p.Status != FPbase.Data.Entities.ProteinStatus.Hidden)
            .OrderBy(p => p.Id).Select(p => p.Slug).Take(count).ToListAsync();
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

        await Entrez.DisposeAsync();
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

/// <summary>The site with a circuit that opens after two failed attempts and stays open for a minute.</summary>
public sealed class BreakingGenBankSite : GenBankSite
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["GenBank:BreakMinimumThroughput"] = "2",
        ["GenBank:BreakFailureRatio"] = "0.5",
        ["GenBank:BreakDuration"] = "00:01:00",
        ["GenBank:MaxRetries"] = "1",
    };
}

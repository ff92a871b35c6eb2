using FPbase.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FPbase.Web.Tests.Infrastructure;

/// <summary>
/// The real site on a real PostgreSQL database and the real Redis, seeded small. Every instance
/// has its own Redis key prefix unless told to share one (two web instances of one deployment).
/// </summary>
public sealed class FpbaseApplication(string postgres, string? redis, string keyPrefix) : WebApplicationFactory<Program>
{
    public CommandCounter Commands { get; } = new();

    public string KeyPrefix { get; } = keyPrefix;

    public static string NewKeyPrefix() => "webtest-" + Guid.NewGuid().ToString("N")[..12];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Postgres", postgres);
        builder.UseSetting("ConnectionStrings:Redis", redis ?? string.Empty);
        builder.UseSetting("HttpCaching:KeyPrefix", KeyPrefix);
        // Generous: the machine is shared with the other test projects; the production default is 50 ms.
        builder.UseSetting("HttpCaching:StoreTimeout", "00:00:02");
        builder.UseSetting("Seed:Proteins", "30");
        builder.UseSetting("Seed:Spectra", "150");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Tests write counted page views themselves (ProteinViewFlusher.FlushAsync), never the timer between two requests.
        builder.UseSetting("Popularity:FlushInterval", "01:00:00");
        builder.ConfigureTestServices(services =>
            services.ConfigureDbContext<FpbaseDbContext>(options => options.AddInterceptors(Commands)));
    }

    /// <summary>Runs <paramref name="work"/> with a DbContext of this instance, as the site's own code would.</summary>
    public async Task WithDbAsync(Func<FpbaseDbContext, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<FpbaseDbContext>());
    }

    public async Task<T> WithDbAsync<T>(Func<FpbaseDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<FpbaseDbContext>());
    }
}

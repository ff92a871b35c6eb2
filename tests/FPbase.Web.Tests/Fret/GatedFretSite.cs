using FPbase.Web.Features.Fret;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FPbase.Web.Tests.Fret;

/// <summary>The real site on its own seeded database, with the Förster list's computation behind a gate (<see cref="Gate"/>).</summary>
public sealed class GatedFretSite : IAsyncLifetime
{
    private TestDatabase? _database;
    private FpbaseApplication? _app;

    internal GatedForsterListSource Gate { get; private set; } = null!;

    public WebApplicationFactory<Program> App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _app = new FpbaseApplication(_database.ConnectionString, TestEnvironment.Redis, FpbaseApplication.NewKeyPrefix());
        App = _app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<DatabaseForsterListSource>();
            services.AddSingleton(sp => new GatedForsterListSource(sp.GetRequiredService<DatabaseForsterListSource>()));
            services.Replace(ServiceDescriptor.Singleton<IForsterListSource>(sp => sp.GetRequiredService<GatedForsterListSource>()));
        }));
        Gate = App.Services.GetRequiredService<GatedForsterListSource>();
    }

    public async Task DisposeAsync()
    {
        Gate?.Release();
        await App.DisposeAsync();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

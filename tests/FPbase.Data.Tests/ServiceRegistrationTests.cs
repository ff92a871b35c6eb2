using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace FPbase.Data.Tests;

public sealed class ServiceRegistrationTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"fpbase-data-tests-{Guid.NewGuid():N}");

    [Fact]
    public void WithoutAPostgresConnectionStringSqliteIsUsedUnderAppData()
    {
        var configured = 0;
        var services = WithHttpCaching(new DictionaryConfiguration([]));
        services.AddFpbaseDatabase(new DictionaryConfiguration([]), _root, (_, _) => configured++);
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        using var scope = provider.CreateScope();

        var db = scope.ServiceProvider.GetRequiredService<FpbaseDbContext>();
        Assert.False(db.IsPostgres);
        Assert.Equal($"Data Source={Path.Combine(_root, "App_Data", "fpbase.db")}", db.Database.GetConnectionString());
        Assert.True(Directory.Exists(Path.Combine(_root, "App_Data")));

        using var fromFactory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<FpbaseDbContext>>().CreateDbContext();
        Assert.NotSame(db, fromFactory);
        Assert.True(configured >= 1);
    }

    [Fact]
    public void APostgresConnectionStringSelectsNpgsql()
    {
        var configuration = new DictionaryConfiguration(new() { ["ConnectionStrings:Postgres"] = "Host=localhost;Database=x;Username=y" });
        var services = WithHttpCaching(configuration);
        services.AddFpbaseDatabase(configuration, _root);
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        Assert.True(scope.ServiceProvider.GetRequiredService<FpbaseDbContext>().IsPostgres);
    }

    [Fact]
    public async Task TheContextTakesItsTimestampsFromTheRegisteredTimeProvider()
    {
        var clock = new FixedTimeProvider(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero));
        var configuration = new DictionaryConfiguration([]);
        var services = WithHttpCaching(configuration);
        services.AddSingleton<TimeProvider>(clock);
        services.AddFpbaseDatabase(configuration, _root);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FpbaseDbContext>();
        await db.Database.EnsureCreatedAsync();

        var organism = new Entities.Organism { Id = 4242, ScientificName = "Aequorea victoria", Genus = "Aequorea", Species = "victoria" };
        db.Add(organism);
        await db.SaveChangesAsync();

        Assert.Equal(clock.Now.UtcDateTime, organism.Created);
        Assert.Equal(clock.Now.UtcDateTime, organism.Modified);
    }

    [Fact]
    public async Task EveryContextItRegistersBumpsWhatTheMapSaysAfterTheCommit()
    {
        var configuration = new DictionaryConfiguration([]);
        var services = WithHttpCaching(configuration);
        services.AddFpbaseDatabase(configuration, _root);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FpbaseDbContext>();
        await db.Database.EnsureCreatedAsync();

        db.Add(new Entities.Protein { Name = "EGFP", Slug = "egfp", Uuid = "R9NL8" });
        await db.SaveChangesAsync();

        // The outbox row written with the change (confirmed, left for the drainer, which is not running here).
        var outbox = await db.Database.SqlQueryRaw<string>("SELECT resources AS \"Value\" FROM resource_version_outbox").ToListAsync();
        Assert.Equal(
            string.Join('\n', new[] { CacheDependencies.Lineage, CacheDependencies.Proteins, CacheDependencies.Spectra, "protein:egfp", "protein:r9nl8" }.Order(StringComparer.Ordinal)),
            Assert.Single(outbox));
    }

    /// <summary>The version store and policy the interceptors need, from FPbase.Caching as the host registers them.</summary>
    private static ServiceCollection WithHttpCaching(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging();
        services.AddHttpCaching();
        return services;
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now => now;

        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>Just enough IConfiguration for GetConnectionString (the test project has only the abstractions).</summary>
    private sealed class DictionaryConfiguration(Dictionary<string, string?> values, string path = "") : IConfigurationSection
    {
        public string? this[string key]
        {
            get => values.GetValueOrDefault(Combine(key));
            set => values[Combine(key)] = value;
        }

        public string Key => path.Split(':')[^1];

        public string Path => path;

        public string? Value
        {
            get => values.GetValueOrDefault(path);
            set => values[path] = value;
        }

        public IEnumerable<IConfigurationSection> GetChildren()
            => values.Keys.Where(k => path.Length == 0 || k.StartsWith(path + ":", StringComparison.OrdinalIgnoreCase))
                .Select(k => k[(path.Length == 0 ? 0 : path.Length + 1)..].Split(':')[0])
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(GetSection);

        public IChangeToken GetReloadToken() => new CancellationChangeToken(CancellationToken.None);

        public IConfigurationSection GetSection(string key) => new DictionaryConfiguration(values, Combine(key));

        private string Combine(string key) => path.Length == 0 ? key : $"{path}:{key}";
    }
}

using FPbase.Data;
using FPbase.Data.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Microsoft.AspNetCore.Builder;

/// <summary>The database: PostgreSQL when <c>ConnectionStrings:Postgres</c> is set, else the embedded SQLite file.</summary>
internal static class DatabaseHostingExtensions
{
    public static WebApplicationBuilder AddFpbaseDatabase(this WebApplicationBuilder builder)
    {
        // The embedded SQLite file lives in {Database:DataRoot}/App_Data (default: the content root). Every write
        // through EF Core bumps what CacheDependencies says it touches, after the commit (registered there too).
        builder.Services.AddFpbaseDatabase(
            builder.Configuration,
            builder.Configuration["Database:DataRoot"] ?? builder.Environment.ContentRootPath);
        builder.Services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.SectionName);

        // `dotnet run --project src/FPbase.Web -- --proteins 100 --spectra 600` seeds small (as do Seed:* settings).
        builder.Configuration.AddInMemoryCollection(SeedSizeArguments(Environment.GetCommandLineArgs()));
        return builder;
    }

    private static IEnumerable<KeyValuePair<string, string?>> SeedSizeArguments(string[] args)
    {
        for (var i = 1; i < args.Length - 1; i++)
        {
            var key = args[i] switch
            {
                "--proteins" => nameof(SeedOptions.Proteins),
                "--spectra" => nameof(SeedOptions.Spectra),
                _ => null,
            };
            if (key is not null)
            {
                yield return new($"{SeedOptions.SectionName}:{key}", args[i + 1]);
            }
        }
    }

    /// <summary>Applies migrations (PostgreSQL) or creates the schema (SQLite), then seeds an empty database.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Database:InitializeOnStart", true))
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FpbaseDbContext>();
        var seed = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<SeedOptions>>().Value;
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("FPbase.Database");
        if (await DatabaseInitializer.InitializeAsync(db, seed, logger, app.Lifetime.ApplicationStopping))
        {
            // A migration may have changed data behind the interceptors' back, under instances of the
            // previous deploy still serving: every cached representation must be rebuilt.
            try
            {
                await db.BumpEveryResourceAsync(scope.ServiceProvider);
            }
            catch (FPbase.Caching.ResourceVersionsUnconfirmedException ex)
            {
                logger.LogWarning(ex, "Migrations applied, but bumping every resource could not be confirmed yet; the outbox will do it");
            }
        }
    }
}

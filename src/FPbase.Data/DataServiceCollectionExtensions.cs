using FPbase.Data.Resilience;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FPbase.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Name of the connection string that selects PostgreSQL.</summary>
    public const string PostgresConnectionStringName = "Postgres";

    /// <summary>
    /// Registers <see cref="FpbaseDbContext"/> (scoped) and <see cref="IDbContextFactory{FpbaseDbContext}"/>
    /// (scoped, so factory-made contexts get the same scoped interceptors). With <c>ConnectionStrings:Postgres</c>
    /// set, Npgsql is used, and only reads are retried, on a connection that failed
    /// (<see cref="ReadRetryingExecutionStrategy"/>; callers may use explicit transactions); otherwise SQLite at
    /// <c>{contentRootPath}/App_Data/fpbase.db</c> (the folder is created). Every context bumps, after the commit, the
    /// resources <see cref="CacheDependencies"/> says a write touches: its interceptors are registered here, and
    /// the version store and policy they use come from <c>AddHttpCaching</c>, which the host calls.
    /// <paramref name="configure"/> runs last for every options build. The contexts take their timestamps from the
    /// registered <see cref="TimeProvider"/> (the system clock unless one was registered before).
    /// </summary>
    public static IServiceCollection AddFpbaseDatabase(
        this IServiceCollection services,
        IConfiguration configuration,
        string contentRootPath,
        Action<IServiceProvider, DbContextOptionsBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(contentRootPath);

        var postgres = configuration.GetConnectionString(PostgresConnectionStringName);
        string? sqlite = null;
        if (string.IsNullOrWhiteSpace(postgres))
        {
            var dataDir = Path.Combine(contentRootPath, "App_Data");
            Directory.CreateDirectory(dataDir);
            sqlite = $"Data Source={Path.Combine(dataDir, "fpbase.db")}";
        }

        services.TryAddSingleton(TimeProvider.System);

        // AddDbContextFactory registers both IDbContextFactory<T> and T itself (created through the factory);
        // with the scoped lifetime the options (and thus `configure`) can use scoped services.
        services.AddDbContextFactory<FpbaseDbContext>(
            (sp, options) =>
            {
                if (sqlite is null)
                {
                    // A read that meets a connection PostgreSQL ended (a restart) is retried on a new one.
                    options.UseNpgsql(postgres, npgsql => npgsql.ExecutionStrategy(dependencies => new ReadRetryingExecutionStrategy(dependencies)))
                        .AddInterceptors(WriteCommandLedger.Instance);
                }
                else
                {
                    options.UseSqlite(sqlite);
                }

                options.AddResourceVersioning(sp);
                configure?.Invoke(sp, options);
            },
            ServiceLifetime.Scoped);
        services.AddResourceVersioning<FpbaseDbContext, CacheDependencies>();

        return services;
    }
}

using FPbase.Caching.Interception;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Hooks resource versioning into a DbContext.</summary>
public static class ResourceVersioningEntityFrameworkExtensions
{
    /// <summary>
    /// Adds the interceptors that bump versions after every committed write: SaveChanges,
    /// explicit transactions, and set-based writes (ExecuteUpdate, ExecuteDelete, ExecuteSql).
    /// </summary>
    public static DbContextOptionsBuilder AddResourceVersioning(this DbContextOptionsBuilder builder, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(services);
        return builder.AddInterceptors(
            services.GetRequiredService<VersionBumpingSaveChangesInterceptor>(),
            services.GetRequiredService<VersionBumpingTransactionInterceptor>(),
            services.GetRequiredService<VersionBumpingCommandInterceptor>());
    }

    /// <summary>Maps the outbox table (<c>resource_version_outbox</c>) that makes bumps survive a Redis outage.</summary>
    public static ModelBuilder AddResourceVersionOutbox(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<OutboxEntry>(entity =>
        {
            entity.ToTable(OutboxEntry.Table);
            entity.HasKey(e => e.Id);
            entity.Property(e => e.Id).HasColumnName("id").ValueGeneratedOnAdd();
            entity.Property(e => e.Resources).HasColumnName("resources").IsRequired();
            entity.Property(e => e.CreatedAtMs).HasColumnName("created_at_ms");
            entity.HasIndex(e => e.CreatedAtMs);
        });
        return modelBuilder;
    }
}

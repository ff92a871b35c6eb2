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

    /// <summary>
    /// Bumps every resource the context's model can touch (every entity's lists and per-row families),
    /// through the outbox like any write: for changes made where no interceptor sees them, such as a
    /// data migration applied at start, after which every cached representation may be wrong.
    /// Throws <see cref="FPbase.Caching.ResourceVersionsUnconfirmedException"/> when the bump cannot
    /// be confirmed (its outbox row bumps later).
    /// </summary>
    public static async Task BumpEveryResourceAsync(this DbContext context, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(services);
        var map = services.GetRequiredService<FPbase.Caching.IResourceDependencyMap>();
        var write = new CommittedWrite();
        foreach (var entityType in context.Model.GetEntityTypes())
        {
            if (entityType.ClrType != typeof(OutboxEntry))
            {
                map.CollectForTable(entityType, write.Resources);
            }
        }

        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<FPbase.Caching.HttpCachingOptions>>().Value;
        var outbox = new OutboxEntry
        {
            Resources = OutboxEntry.Join(write.Resources),
            CreatedAtMs = options.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        // The interceptors leave outbox rows alone, so this SaveChanges writes the row and nothing else.
        context.Add(outbox);
        await context.SaveChangesAsync().ConfigureAwait(false);
        context.Entry(outbox).State = EntityState.Detached;

        write.OutboxIds.Add(outbox.Id);
        await services.GetRequiredService<ResourceBumper>().BumpCommittedAsync(write).ConfigureAwait(false);
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

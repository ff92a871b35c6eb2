using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace FPbase.Caching;

/// <summary>
/// The domain's whole invalidation story: which resources a change to each entity touches.
/// Implemented once by the application; the EF Core interceptors call it for every write.
/// </summary>
public interface IResourceDependencyMap
{
    /// <summary>
    /// Adds the resources touched by the tracked entries one SaveChanges is about to write (added,
    /// modified or deleted), including indirect ones (a spectrum's protein page). For a row moved
    /// between parents, add both: read <see cref="PropertyEntry.OriginalValue"/> as well as the
    /// current value. All entries come at once so that related rows can be looked up in one query;
    /// the data is not yet written, so lookups see the rows as they were.
    /// </summary>
    ValueTask CollectAsync(DbContext context, IReadOnlyList<EntityEntry> entries, ISet<string> resources, CancellationToken cancellationToken);

    /// <summary>
    /// Adds the resources touched by a set-based write (ExecuteUpdate, ExecuteDelete, raw SQL) on
    /// the table of <paramref name="entityType"/>, which cannot say which rows it changed: list the
    /// whole-list resources and the per-row families (<see cref="ResourceNames.FamilyOf"/>).
    /// </summary>
    void CollectForTable(IEntityType entityType, ISet<string> resources);
}

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
    /// modified or deleted) that can be read off the entries themselves. For a row moved between
    /// parents, add both: read <see cref="PropertyEntry.OriginalValue"/> as well as the current value.
    /// Indirect resources (a spectrum's protein page) that need the database are returned as links,
    /// all entries at once so that they are looked up in one query per kind of link.
    /// </summary>
    /// <returns>The links to look up, or null when there are none.</returns>
    IResourceLinks? Collect(IReadOnlyList<EntityEntry> entries, ISet<string> resources);

    /// <summary>
    /// Adds the resources touched by a set-based write (ExecuteUpdate, ExecuteDelete, raw SQL) on
    /// the table of <paramref name="entityType"/>, which cannot say which rows it changed: list the
    /// whole-list resources and the per-row families (<see cref="ResourceNames.FamilyOf"/>).
    /// </summary>
    void CollectForTable(IEntityType entityType, ISet<string> resources);
}

/// <summary>
/// Links from written rows to the pages that show them, looked up in the database. The interceptors
/// resolve them twice: before the write (for the outbox row written with it) and again right after
/// the commit, since a concurrent transaction may have changed a link in between (an excerpt moved
/// to another protein); the union is bumped.
/// </summary>
public interface IResourceLinks
{
    /// <summary>Adds the resources the links lead to, as the database shows them now.</summary>
    ValueTask ResolveAsync(DbContext context, ISet<string> resources, CancellationToken cancellationToken);
}

using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Data;

/// <summary>The write side of <see cref="IRowVersioned"/>.</summary>
public static class RowVersions
{
    /// <summary>
    /// Makes the next SaveChanges write <paramref name="row"/> (and so give it a new version) even when none of its
    /// own columns changed, and, with <paramref name="expected"/>, only if the row is still at that version: the
    /// UPDATE or DELETE then says <c>WHERE version = @expected</c>, and SaveChanges throws
    /// <see cref="DbUpdateConcurrencyException"/> when another write came first, whether it committed before this
    /// request loaded the row or while it ran. Without <paramref name="expected"/> the version loaded is compared.
    /// </summary>
    public static void ExpectRowVersion<T>(this FpbaseDbContext db, T row, Guid? expected)
        where T : class, IRowVersioned
    {
        ArgumentNullException.ThrowIfNull(db);
        var version = db.Entry(row).Property(r => r.Version);
        if (expected is { } value)
        {
            version.OriginalValue = value;
        }

        version.IsModified = true;
    }
}

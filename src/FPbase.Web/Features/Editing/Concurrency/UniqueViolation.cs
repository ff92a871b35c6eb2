using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FPbase.Web.Features.Editing.Concurrency;

/// <summary>
/// A write refused by a unique index: the check-then-insert of a concurrent request inserted the same key first
/// (two proteins citing one new DOI, two registrations of one name). Not the database being unavailable.
/// </summary>
internal static class UniqueViolation
{
    public static bool Is(Exception exception)
        => exception is DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } }
            or DbUpdateException { InnerException: SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } };
}

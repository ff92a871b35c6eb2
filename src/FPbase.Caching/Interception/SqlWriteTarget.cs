using System.Text.RegularExpressions;

namespace FPbase.Caching.Interception;

/// <summary>Finds the table a set-based SQL write targets (UPDATE, DELETE FROM, INSERT INTO, TRUNCATE).</summary>
internal static partial class SqlWriteTarget
{
    [GeneratedRegex("""^\s*(?:--[^\n]*\n\s*)*(?:UPDATE|DELETE\s+FROM|INSERT\s+INTO|TRUNCATE(?:\s+TABLE)?)\s+(?:ONLY\s+)?(?:(?:"[^"]+"|\w+)\.)?("[^"]+"|\w+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WriteStatement();

    [GeneratedRegex("""\b(?:UPDATE|DELETE|INSERT|TRUNCATE|MERGE|ALTER|DROP)\b""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnyWrite();

    /// <summary>The unquoted table name, or null when the statement is not one simple write.</summary>
    public static string? TableOf(string sql)
    {
        var match = WriteStatement().Match(sql);
        if (!match.Success || sql.TrimEnd().TrimEnd(';').Contains(';', StringComparison.Ordinal))
        {
            return null;
        }

        return match.Groups[1].Value.Trim('"');
    }

    /// <summary>Whether the statement may write at all (a plain SELECT does not).</summary>
    public static bool MayWrite(string sql) => AnyWrite().IsMatch(sql);
}

namespace FPbase.Web.Features.Editing;

/// <summary>Lookup keys PostgreSQL can compare: bounded length and no NUL (which PostgreSQL text cannot hold).</summary>
public static class SafeText
{
    public static bool IsLookupKey(string? value, int maxLength = 200)
        => value is { Length: > 0 } && value.Length <= maxLength && !value.Contains('\0', StringComparison.Ordinal);
}

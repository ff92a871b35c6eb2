namespace FPbase.Caching.Interception;

/// <summary>
/// A bump that is due, written in the same transaction as the change it stands for. The writer
/// bumps right after the commit and confirms; a row left unconfirmed (Redis down, process gone)
/// is bumped later by any instance's drainer, so a committed change always reaches the versions.
/// </summary>
internal sealed class OutboxEntry
{
    public const string Table = "resource_version_outbox";

    public long Id { get; set; }

    /// <summary>The resources, one per line.</summary>
    public string Resources { get; set; } = string.Empty;

    /// <summary>Unix milliseconds (an integer, so every provider can compare it).</summary>
    public long CreatedAtMs { get; set; }

    public static string Join(IEnumerable<string> resources) => string.Join('\n', resources.Order(StringComparer.Ordinal));

    public static string[] Split(string resources) => resources.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

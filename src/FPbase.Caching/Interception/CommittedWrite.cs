namespace FPbase.Caching.Interception;

/// <summary>
/// The resources one or more writes touch, their outbox rows, and the links to look up again after
/// the commit (see <see cref="IResourceLinks"/>). Filled before the commit, bumped after it.
/// </summary>
internal sealed class CommittedWrite
{
    public HashSet<string> Resources { get; } = new(StringComparer.Ordinal);

    public List<long> OutboxIds { get; } = [];

    public List<IResourceLinks> Links { get; } = [];

    /// <summary>Whole lists and per-row families of what was written: bumped if the links cannot be looked up after the commit.</summary>
    public HashSet<string> Fallback { get; } = new(StringComparer.Ordinal);

    public bool IsEmpty => Resources.Count == 0;

    public void Add(CommittedWrite other)
    {
        Resources.UnionWith(other.Resources);
        OutboxIds.AddRange(other.OutboxIds);
        Links.AddRange(other.Links);
        Fallback.UnionWith(other.Fallback);
    }
}

namespace FPbase.Caching.Versions;

/// <summary>Where resource versions live: Redis in production, process memory in the embedded default.</summary>
internal interface IResourceVersionStore
{
    /// <summary>
    /// A stamp that changes whenever any of <paramref name="resources"/> changes, and never repeats
    /// for different data (not after a flush or restart of the store). Null when the store cannot
    /// answer now: the caller then serves fresh data without validators.
    /// </summary>
    ValueTask<string?> GetStampAsync(IReadOnlyList<string> resources, CancellationToken cancellationToken);

    /// <summary>Gives each resource a new version. Throws when the store cannot be reached.</summary>
    Task BumpAsync(IReadOnlyCollection<string> resources, CancellationToken cancellationToken);
}

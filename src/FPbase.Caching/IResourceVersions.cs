namespace FPbase.Caching;

/// <summary>
/// Reads the current version of a set of resources, for work derived from them outside a request: a value
/// computed in the background is labelled with the stamp read <em>before</em> its data, and is current exactly
/// while a new read returns the same stamp. The same stamps the HTTP caching middleware puts into its ETags.
/// </summary>
public interface IResourceVersions
{
    /// <summary>
    /// A stamp that changes whenever any of <paramref name="resources"/> changes and never repeats for different
    /// data (not after a flush or restart of the store); resources in the same order give comparable stamps.
    /// Null when the versions cannot be read now (Redis unreachable): nothing can then be said to be current.
    /// </summary>
    ValueTask<string?> GetStampAsync(IReadOnlyList<string> resources, CancellationToken cancellationToken);
}

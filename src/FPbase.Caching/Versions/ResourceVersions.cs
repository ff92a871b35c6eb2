namespace FPbase.Caching.Versions;

/// <summary>The public read side of whichever <see cref="IResourceVersionStore"/> the site uses.</summary>
internal sealed class ResourceVersions(IResourceVersionStore store) : IResourceVersions
{
    public ValueTask<string?> GetStampAsync(IReadOnlyList<string> resources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resources);
        return store.GetStampAsync(resources, cancellationToken);
    }
}

using FPbase.Caching.Payloads;

namespace FPbase.Caching.Http.Shortcut;

/// <summary>
/// What the ETag filter worked out for one URL, that the URL alone decides: the endpoint's cache name and metadata,
/// its resources (from route values, never from a resolver), its variant and the payload format. With a stamp of
/// the resources' versions it gives the same version hash and ETags the filter computes, and keeps the last stamp's
/// so that a run of revalidations of an unchanged version hashes once.
/// </summary>
internal sealed class ShortcutRoute(string name, CacheResourcesAttribute metadata, IReadOnlyList<string> resources, string variant, string? formatOption, string format)
{
    private Tags? _last;

    public string Name => name;

    public CacheResourcesAttribute Metadata => metadata;

    public IReadOnlyList<string> Resources => resources;

    /// <summary><see cref="HttpCachingOptions.FormatVersion"/> when this was learned: another value means another format.</summary>
    public string? FormatOption => formatOption;

    /// <summary>The version hash, the ETag of <paramref name="coding"/> (EntityTagFactory's) and the payload key for this stamp.</summary>
    public (string VersionHash, string ETag, string PayloadKey) For(string stamp, ContentCoding coding)
    {
        var tags = Volatile.Read(ref _last);
        if (tags is null || !string.Equals(tags.Stamp, stamp, StringComparison.Ordinal))
        {
            var hash = EntityTagFactory.VersionHash(format, name, variant, stamp, user: null);
            tags = new Tags(stamp, hash, [EntityTagFactory.Create(hash, ContentCoding.Identity), EntityTagFactory.Create(hash, ContentCoding.Gzip), EntityTagFactory.Create(hash, ContentCoding.Brotli)], PayloadEntry.KeyOf(hash));
            Volatile.Write(ref _last, tags);
        }

        return (tags.VersionHash, tags.ETags[(int)coding], tags.PayloadKey);
    }

    private sealed record Tags(string Stamp, string VersionHash, string[] ETags, string PayloadKey);
}

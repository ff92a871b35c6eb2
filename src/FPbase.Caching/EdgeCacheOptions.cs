namespace FPbase.Caching;

/// <summary>
/// Shared caches in front that the site purges: Varnish with <c>deploy/varnish/fpbase.vcl</c> (<c>HttpCaching:Edge</c>).
/// With no node, none is assumed: public responses say <c>public, no-cache</c> and nothing else, and any shared cache
/// revalidates. With nodes, public 200s with an ETag also carry <c>xkey</c> (their resources) and
/// <c>Surrogate-Control: max-age</c> (<see cref="TimeToLive"/>), which the VCL reads and removes, and every bump purges
/// its resources on every node before the writer is answered.
/// </summary>
public sealed class EdgeCacheOptions
{
    /// <summary>
    /// The base address of every edge node (<c>http://varnish-1:6081</c>); each gets a <c>PURGE</c> per bump. A write
    /// is acknowledged only once every node has purged, so list exactly the nodes that serve clients: a node that is
    /// down makes writes wait out <see cref="PurgeTimeout"/> and fail (saved; the outbox purges it later).
    /// </summary>
    public List<string> Nodes { get; set; } = [];

    /// <summary>How long a node may keep a response (<c>Surrogate-Control: max-age</c>). Default 1 hour; 1 s to 30 days.</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a bump keeps retrying the purge of a node before its write is refused (saved, not yet visible, as when
    /// the version store cannot take the bump) and left to the outbox. Default 5 s.
    /// </summary>
    public TimeSpan PurgeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    internal bool Enabled => Nodes.Count > 0;
}

namespace FPbase.Caching.Diagnostics;

/// <summary>
/// The instances that share the version store and the state of this one's lease, for an operator's dashboard: who
/// a bump waits for, and whether this instance may answer 304s from its local copy right now.
/// </summary>
public interface ICacheInstances
{
    /// <summary>One read of the store (a round trip to Redis). Never throws for an unreachable store: it says so.</summary>
    ValueTask<CacheInstancesReport> ReadAsync(CancellationToken cancellationToken);
}

/// <summary>What <see cref="ICacheInstances.ReadAsync"/> saw.</summary>
/// <param name="Store"><c>redis</c> or <c>in-process</c> (one instance, nothing shared).</param>
/// <param name="ThisInstance">This process's name in the lease records (new for every start).</param>
/// <param name="LeaseTrusted">Whether this instance's local copy of the versions is under a live lease now.</param>
/// <param name="LocalVersions">Resources whose versions the local copy holds.</param>
/// <param name="Leases">Every live lease in the store (the instances a bump waits for), or empty when unreadable.</param>
/// <param name="Error">Why the store could not be read, or null.</param>
public sealed record CacheInstancesReport(
    string Store, string ThisInstance, bool LeaseTrusted, int LocalVersions, IReadOnlyList<CacheInstanceLease> Leases, string? Error);

/// <summary>An instance's lease: its name and how long it has left unless renewed (every quarter lease).</summary>
public sealed record CacheInstanceLease(string Instance, TimeSpan Remaining);

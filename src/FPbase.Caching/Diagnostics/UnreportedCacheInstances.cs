namespace FPbase.Caching.Diagnostics;

/// <summary>The report of a version store that does not describe its instances.</summary>
internal sealed class UnreportedCacheInstances : ICacheInstances
{
    public ValueTask<CacheInstancesReport> ReadAsync(CancellationToken cancellationToken)
        => ValueTask.FromResult(new CacheInstancesReport("unknown", "", LeaseTrusted: false, 0, [], "This version store does not report its instances."));
}

using System.Globalization;
using FPbase.Caching.Diagnostics;
using StackExchange.Redis;

namespace FPbase.Caching.Versions;

/// <summary>The dashboard's view of the lease records (<see cref="ICacheInstances"/>).</summary>
internal sealed partial class RedisResourceVersionStore : ICacheInstances
{
    public async ValueTask<CacheInstancesReport> ReadAsync(CancellationToken cancellationToken)
    {
        var leases = new List<CacheInstanceLease>();
        string? error = null;
        try
        {
            var reply = (RedisResult[])(await _redis.GetDatabase().ScriptEvaluateAsync(RedisScripts.Leases, _keys)
                .WaitAsync(AttemptTimeout, cancellationToken).ConfigureAwait(false))!;
            var now = (long)reply[0];
            for (var i = 1; i + 1 < reply.Length; i += 2)
            {
                var left = long.Parse((string)reply[i + 1]!, CultureInfo.InvariantCulture) - now;
                if (left > 0)
                {
                    leases.Add(new CacheInstanceLease((string)reply[i]!, TimeSpan.FromMilliseconds(left)));
                }
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or FormatException or InvalidCastException)
        {
            error = ex.Message;
        }

        leases.Sort((a, b) => string.CompareOrdinal(a.Instance, b.Instance));
        return new CacheInstancesReport("redis", InstanceId, Local.IsTrusted, Local.Count, leases, error);
    }
}

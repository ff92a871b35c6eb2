using FPbase.Caching.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using StackExchange.Redis;

namespace FPbase.Caching.Versions;

/// <summary>
/// Versions in one Redis hash shared by every web instance, with a local copy per instance kept
/// under a lease (see <see cref="LocalVersionCache"/> and the notification half of this class).
/// Lookups that miss the copy go to Redis within <see cref="HttpCachingOptions.StoreTimeout"/>,
/// behind a circuit breaker; when Redis cannot answer, the lookup returns null and the request is
/// served fresh without validators.
/// </summary>
/// <remarks>
/// A bump returns only when it is safe for the writer to answer: the new versions are in Redis (and
/// on <see cref="HttpCachingOptions.ReplicaAcknowledgements"/> replicas, so a failover cannot lose
/// them), and every instance that held a lease has acknowledged the bump or seen its lease run out.
/// A bump that cannot be applied within <see cref="HttpCachingOptions.BumpTimeout"/> throws
/// <see cref="ResourceVersionsUnconfirmedException"/>: the write is then not acknowledged, never
/// acknowledged with caches that may still serve what it replaced.
/// </remarks>
internal sealed partial class RedisResourceVersionStore : IResourceVersionStore, IHostedService, IDisposable
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(1);
    private readonly IConnectionMultiplexer _redis;
    private readonly ILogger<RedisResourceVersionStore> _logger;
    private readonly CacheMetrics _metrics;
    private readonly HttpCachingOptions _options;
    private readonly TimeProvider _time;
    private readonly RedisKey[] _keys;
    private readonly RedisChannel _channel;
    private readonly ResiliencePipeline _readPipeline;
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;

    public RedisResourceVersionStore(IConnectionMultiplexer redis, IOptions<HttpCachingOptions> options, CacheMetrics metrics, ILogger<RedisResourceVersionStore> logger)
    {
        _redis = redis;
        _logger = logger;
        _metrics = metrics;
        _options = options.Value;
        _time = _options.TimeProvider;
        // One hash tag, so the scripts' keys stay on one node of a cluster.
        _keys = [$"{{{_options.KeyPrefix}}}:versions", $"{{{_options.KeyPrefix}}}:leases"];
        _channel = RedisChannel.Literal($"{_options.KeyPrefix}:versions:bumped");
        _readPipeline = new ResiliencePipelineBuilder()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 4,
                SamplingDuration = TimeSpan.FromSeconds(10),
                BreakDuration = _options.BreakDuration,
                OnOpened = _ => Changed(metrics, open: true),
                OnClosed = _ => Changed(metrics, open: false),
                OnHalfOpened = _ => Changed(metrics, open: false),
            })
            .AddTimeout(_options.StoreTimeout)
            .Build();
        Local = new LocalVersionCache(_time);
        Acknowledgements = new BumpAcknowledgements(_time);
        _redis.ConnectionFailed += OnConnectionChanged;
        _redis.ConnectionRestored += OnConnectionChanged;
    }

    /// <summary>This process's name in the lease records; new for every start.</summary>
    internal string InstanceId { get; } = VersionToken.New();

    internal LocalVersionCache Local { get; }

    internal BumpAcknowledgements Acknowledgements { get; }

    private long LeaseMilliseconds => (long)_options.LeaseDuration.TotalMilliseconds;

    public async ValueTask<string?> GetStampAsync(IReadOnlyList<string> resources, CancellationToken cancellationToken)
    {
        if (Local.TryGetStamp(resources, out var stamp))
        {
            return stamp;
        }

        var generation = Local.Generation;
        try
        {
            return await _readPipeline.ExecuteAsync(
                static async (state, token) => await state.Self.ReadAsync(state.Resources, state.Generation).WaitAsync(token).ConfigureAwait(false),
                (Self: this, Resources: resources, Generation: generation),
                cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (BrokenCircuitException)
        {
            return null;
        }
        catch (Exception ex)
        {
            _metrics.StoreFailed(CacheMetrics.StoreOperations.Read);
            Log.VersionStoreUnavailable(_logger, ex);
            return null;
        }
    }

    private static ValueTask Changed(CacheMetrics metrics, bool open)
    {
        metrics.CircuitChanged(open);
        return ValueTask.CompletedTask;
    }

    private async Task<string?> ReadAsync(IReadOnlyList<string> resources, long generation)
    {
        var args = new RedisValue[1 + resources.Count];
        args[0] = VersionToken.New();
        for (var i = 0; i < resources.Count; i++)
        {
            args[1 + i] = resources[i];
        }

        var reply = (RedisResult[])(await _redis.GetDatabase().ScriptEvaluateAsync(RedisScripts.Read, _keys, args).ConfigureAwait(false))!;
        var epoch = (string?)reply[0] ?? throw new InvalidOperationException("Redis returned no state id.");
        var tokens = new string[resources.Count];
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = (string?)reply[i + 1] ?? throw new InvalidOperationException("Redis returned no version.");
            tokens[i] = token.Length == 0 ? VersionToken.Unbumped : token;
        }

        Local.Store(generation, epoch, resources, tokens);
        return VersionStamp.Create(epoch, tokens);
    }

    /// <remarks>
    /// Not cancellable by the caller on purpose: the data is committed, and a client that hangs up
    /// must not take the bump with it. Bounded by <see cref="HttpCachingOptions.BumpTimeout"/> plus
    /// one lease.
    /// </remarks>
    public async Task BumpAsync(IReadOnlyCollection<string> resources, CancellationToken cancellationToken)
    {
        if (resources.Count == 0)
        {
            return;
        }

        var deadline = _time.GetTimestamp() + (long)(_options.BumpTimeout.TotalSeconds * _time.TimestampFrequency);
        var delay = TimeSpan.FromMilliseconds(25);
        Exception? last = null;
        while (true)
        {
            // Drop our own copy before and after: this instance must not answer from the old
            // versions, and a read that started before the bump must not store them back.
            Local.Invalidate(resources);
            var left = _time.GetElapsedTime(_time.GetTimestamp(), deadline);
            if (left <= TimeSpan.Zero)
            {
                throw new ResourceVersionsUnconfirmedException(resources.Count, _options.BumpTimeout, last);
            }

            try
            {
                var applied = await ApplyAsync(resources, left < AttemptTimeout ? left : AttemptTimeout).ConfigureAwait(false);
                Local.Invalidate(resources);
                var waiting = _time.GetTimestamp();
                var waitedOut = await Acknowledgements.WaitAsync(applied.State, applied.Sequence, applied.Holders, _stopping.Token).ConfigureAwait(false);
                if (applied.UnseenLeasesEnd > _time.GetTimestamp())
                {
                    await Task.Delay(_time.GetElapsedTime(_time.GetTimestamp(), applied.UnseenLeasesEnd), _time, _stopping.Token).ConfigureAwait(false);
                }

                _metrics.BumpWaited(_time.GetElapsedTime(waiting), waitedOut);
                return;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException or BumpNotReplicatedException)
            {
                last = ex;
                _metrics.StoreFailed(CacheMetrics.StoreOperations.Bump);
                Log.BumpAttemptFailed(_logger, resources.Count, ex);
            }

            left = _time.GetElapsedTime(_time.GetTimestamp(), deadline);
            await Task.Delay(delay < left ? delay : left > TimeSpan.Zero ? left : TimeSpan.Zero, _time, _stopping.Token).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromMilliseconds(400).Ticks));
        }
    }

    /// <summary>One attempt: the script, then WAIT for replicas; the instances that must acknowledge it.</summary>
    private async Task<AppliedBump> ApplyAsync(IReadOnlyCollection<string> resources, TimeSpan timeout)
    {
        var args = new RedisValue[3 + (resources.Count * 2)];
        args[0] = VersionToken.New();
        args[1] = _channel.ToString();

        // How long after a reset leases this writer cannot see may still run: one lease, and with
        // replicas also the time an old master keeps granting them after a failover.
        args[2] = LeaseMilliseconds + (_options.ReplicaAcknowledgements > 0 ? (long)_options.ReplicaMaxLag.TotalMilliseconds : 0);
        var i = 3;
        foreach (var resource in resources)
        {
            args[i++] = resource;
            args[i++] = VersionToken.New();
        }

        var db = _redis.GetDatabase();
        var reply = (RedisResult[])(await db.ScriptEvaluateAsync(RedisScripts.Bump, _keys, args).WaitAsync(timeout).ConfigureAwait(false))!;
        var received = _time.GetTimestamp();
        if (_options.ReplicaAcknowledgements > 0)
        {
            var waitMs = Math.Max(1, (long)timeout.TotalMilliseconds);
            var replicas = (long)await db.ExecuteAsync("WAIT", _options.ReplicaAcknowledgements, waitMs).WaitAsync(timeout + timeout).ConfigureAwait(false);
            if (replicas < _options.ReplicaAcknowledgements)
            {
                throw new BumpNotReplicatedException(replicas, _options.ReplicaAcknowledgements);
            }
        }

        // A holder's lease, as Redis recorded it, ends `remaining` after the script ran, which was
        // before we received the reply: counting from `received` can only wait longer. The margin
        // covers clocks that run at slightly different rates.
        var margin = (long)(_options.LeaseDuration.TotalSeconds * 0.05 * _time.TimestampFrequency) + (_time.TimestampFrequency / 100);
        var holders = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var r = 3; r + 1 < reply.Length; r += 2)
        {
            var instance = (string)reply[r]!;
            if (instance != InstanceId)
            {
                holders[instance] = received + Ticks((long)reply[r + 1]) + margin;
            }
        }

        var unseen = (long)reply[2];
        return new AppliedBump(
            (string)reply[0]!,
            (long)reply[1],
            holders,
            unseen > 0 ? received + Ticks(unseen) + margin : 0);
    }

    private long Ticks(long milliseconds) => milliseconds * _time.TimestampFrequency / 1000;

    /// <remarks>
    /// Idempotent: AddHttpCachingRedis hands this one instance out through three factory
    /// registrations (itself, the store interface, the hosted service), and the container disposes
    /// what each returned, so this runs up to three times at shutdown.
    /// </remarks>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _redis.ConnectionFailed -= OnConnectionChanged;
        _redis.ConnectionRestored -= OnConnectionChanged;
        _stopping.Cancel();
        _stopping.Dispose();
    }

    /// <summary>A bump in Redis: its state and sequence number, who must acknowledge it, and until when unseen leases may run.</summary>
    private sealed record AppliedBump(string State, long Sequence, IReadOnlyDictionary<string, long> Holders, long UnseenLeasesEnd);

    /// <summary>WAIT returned fewer replicas than required: a failover could still lose the bump.</summary>
    private sealed class BumpNotReplicatedException(long replicas, int required)
        : Exception($"The bump reached {replicas} of {required} required replicas.");
}

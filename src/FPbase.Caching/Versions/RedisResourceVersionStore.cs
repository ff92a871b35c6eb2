using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using StackExchange.Redis;

namespace FPbase.Caching.Versions;

/// <summary>
/// Versions in one Redis hash shared by every web instance, with a local copy kept current by
/// pub/sub. Lookups that miss the copy go to Redis within <see cref="HttpCachingOptions.StoreTimeout"/>,
/// behind a circuit breaker; when Redis cannot answer, the lookup returns null and the request is
/// served fresh without validators. A heartbeat through the channel proves that notifications still
/// arrive; until it does, the local copy is not used.
/// </summary>
internal sealed partial class RedisResourceVersionStore : IResourceVersionStore, IHostedService, IDisposable
{
    private readonly IConnectionMultiplexer _redis;
    private readonly ILogger<RedisResourceVersionStore> _logger;
    private readonly HttpCachingOptions _options;
    private readonly RedisKey _hashKey;
    private readonly RedisChannel _channel;
    private readonly ResiliencePipeline _readPipeline;
    private readonly CancellationTokenSource _stopping = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource> _awaitedBumps = new(StringComparer.Ordinal);
    private string? _pendingProbe;
    private Task? _heartbeat;
    private int _disposed;

    public RedisResourceVersionStore(IConnectionMultiplexer redis, IOptions<HttpCachingOptions> options, ILogger<RedisResourceVersionStore> logger)
    {
        _redis = redis;
        _logger = logger;
        _options = options.Value;
        // One hash tag, so the scripts' keys stay on one node of a cluster.
        _hashKey = $"{{{_options.KeyPrefix}}}:versions";
        _channel = RedisChannel.Literal($"{_options.KeyPrefix}:versions:bumped");
        _readPipeline = new ResiliencePipelineBuilder()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 4,
                SamplingDuration = TimeSpan.FromSeconds(10),
                BreakDuration = _options.BreakDuration,
            })
            .AddTimeout(_options.StoreTimeout)
            .Build();
        _redis.ConnectionFailed += OnConnectionFailed;
    }

    internal LocalVersionCache Local { get; } = new();

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
            Log.VersionStoreUnavailable(_logger, ex);
            return null;
        }
    }

    private async Task<string?> ReadAsync(IReadOnlyList<string> resources, long generation)
    {
        var args = new RedisValue[(resources.Count + 1) * 2];
        args[0] = RedisScripts.EpochField;
        args[1] = VersionToken.New();
        for (var i = 0; i < resources.Count; i++)
        {
            args[(i + 1) * 2] = resources[i];
            args[((i + 1) * 2) + 1] = VersionToken.New();
        }

        var reply = (RedisResult[])(await _redis.GetDatabase().ScriptEvaluateAsync(RedisScripts.Read, [_hashKey], args).ConfigureAwait(false))!;
        var epoch = $"{(string?)reply[0]}:{(string?)reply[1]}";
        var tokens = new string[resources.Count];
        for (var i = 0; i < tokens.Length; i++)
        {
            tokens[i] = (string?)reply[i + 2] ?? throw new InvalidOperationException("Redis returned no version.");
        }

        Local.Store(generation, epoch, resources, tokens);
        return VersionStamp.Create(epoch, tokens);
    }

    public async Task BumpAsync(IReadOnlyCollection<string> resources, CancellationToken cancellationToken)
    {
        if (resources.Count == 0)
        {
            return;
        }

        var marker = RedisScripts.BumpPrefix + VersionToken.New();
        var args = new RedisValue[2 + (resources.Count * 2)];
        args[0] = _channel.ToString();
        args[1] = marker;
        var i = 2;
        foreach (var resource in resources)
        {
            args[i++] = resource;
            args[i++] = VersionToken.New();
        }

        // Wait for our own notification only while notifications are known to arrive.
        var heard = Local.IsTrusted ? new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) : null;
        if (heard is not null)
        {
            _awaitedBumps[marker] = heard;
        }

        // Forget our own copy first: the notification will say the same, but this instance must
        // not answer from the old version even for the few microseconds until it arrives.
        Local.Invalidate(resources);
        try
        {
            await _redis.GetDatabase().ScriptEvaluateAsync(RedisScripts.Bump, [_hashKey], args)
                .WaitAsync(_options.BumpTimeout, cancellationToken).ConfigureAwait(false);

            // Redis delivers a PUBLISH to every subscriber in the same pass, so once our own copy of
            // the notification is back, the other instances have been sent theirs: the writer's
            // response then leaves after every instance was told, not merely after Redis was.
            if (heard is not null)
            {
                await heard.Task.WaitAsync(_options.BumpTimeout, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        finally
        {
            _awaitedBumps.TryRemove(marker, out _);
            Local.Invalidate(resources);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var subscriber = _redis.GetSubscriber();
        try
        {
            await subscriber.SubscribeAsync(_channel, (_, message) => OnMessage(message)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Redis down at start must not stop the site: the subscription is retried by the
            // multiplexer when it reconnects, and the local copy stays untrusted until a probe returns.
            Log.VersionStoreUnavailable(_logger, ex);
        }

        _heartbeat = HeartbeatAsync(_stopping.Token);
        await WarnAboutEvictionPolicyAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// The versions hash has no TTL; under an <c>allkeys-*</c> policy Redis may evict it under memory
    /// pressure. That is never wrong (a missing version comes back as a fresh random token) but makes
    /// every client download again, so say so. Best effort: a Redis that hides INFO stays quiet.
    /// </summary>
    private async Task WarnAboutEvictionPolicyAsync()
    {
        try
        {
            // Through a script: StackExchange.Redis reserves INFO for admin connections, Lua does not.
            var info = (string?)await _redis.GetDatabase().ScriptEvaluateAsync("return redis.call('INFO', 'memory')")
                .WaitAsync(_options.BumpTimeout).ConfigureAwait(false);
            var policy = info?.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.StartsWith("maxmemory_policy:", StringComparison.Ordinal))?["maxmemory_policy:".Length..];
            if (policy is not null && policy.StartsWith("allkeys", StringComparison.OrdinalIgnoreCase))
            {
                Log.EvictionPolicyMayDropVersions(_logger, policy);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Only a warning was at stake.
            Log.EvictionPolicyUnknown(_logger, ex);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_heartbeat is not null)
        {
            await _heartbeat.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>
    /// Publishes a probe on the notification channel at every interval. Redis delivers messages in
    /// order, so when our probe comes back every earlier bump has reached us: the local copy may be
    /// trusted. A probe that has not returned by the next beat means notifications may be lost.
    /// </summary>
    private async Task HeartbeatAsync(CancellationToken stopping)
    {
        do
        {
            if (Volatile.Read(ref _pendingProbe) is not null)
            {
                Local.Distrust();
            }

            var probe = RedisScripts.ProbePrefix + VersionToken.New();
            Volatile.Write(ref _pendingProbe, probe);
            try
            {
                await _redis.GetSubscriber().PublishAsync(_channel, probe).WaitAsync(_options.BumpTimeout, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Local.Distrust();
                Log.VersionStoreUnavailable(_logger, ex);
            }
        }
        while (await WaitForNextBeat(stopping).ConfigureAwait(false));
    }

    /// <summary>
    /// A full interval after each probe, so that every probe has that long to come back. (A
    /// PeriodicTimer that fell behind, say while the thread pool was starved, ticks again at once,
    /// and that beat took the probe sent a moment before for lost.)
    /// </summary>
    private async Task<bool> WaitForNextBeat(CancellationToken stopping)
    {
        try
        {
            await Task.Delay(_options.HeartbeatInterval, _options.TimeProvider, stopping).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void OnMessage(RedisValue message)
    {
        var text = (string?)message;
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        if (text.StartsWith(RedisScripts.ProbePrefix, StringComparison.Ordinal))
        {
            // The message is a new string: compare by value, then clear the very instance we hold
            // (CompareExchange compares references, so passing `text` would never clear it and the
            // next beat would take the probe for lost and drop the local copy).
            var pending = Volatile.Read(ref _pendingProbe);
            if (string.Equals(pending, text, StringComparison.Ordinal)
                && ReferenceEquals(Interlocked.CompareExchange(ref _pendingProbe, null, pending), pending))
            {
                Local.Trust();
            }

            return;
        }

        var lines = text.Split('\n');
        if (lines[0].StartsWith(RedisScripts.BumpPrefix, StringComparison.Ordinal))
        {
            Local.Invalidate(lines.AsSpan(1).ToArray());
            if (_awaitedBumps.TryRemove(lines[0], out var heard))
            {
                heard.TrySetResult();
            }

            return;
        }

        Local.Invalidate(lines);
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        Local.Distrust();
        Log.VersionNotificationsLost(_logger, e.ConnectionType.ToString(), e.FailureType.ToString());
    }

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

        _redis.ConnectionFailed -= OnConnectionFailed;
        _stopping.Cancel();
        _stopping.Dispose();
    }
}

using FPbase.Caching.Diagnostics;
using StackExchange.Redis;

namespace FPbase.Caching.Versions;

/// <summary>
/// The notification half of the store: one ordered subscription carries bumps, lease renewals and
/// acknowledgements. Messages are handled one at a time, in the order Redis published them
/// (a <see cref="ChannelMessageQueue"/>; the handler overload of Subscribe runs concurrently and
/// unordered), so reading our own renewal proves every bump published before it has been applied.
/// </summary>
/// <remarks>
/// The lease (Chubby's cache lease): every quarter of <see cref="HttpCachingOptions.LeaseDuration"/>
/// the store runs <see cref="RedisScripts.Renew"/>, which records "instance X holds a lease until
/// T" and publishes a renewal. When that renewal comes back, the local copy is trusted until the
/// time the renewal was sent plus 90% of a lease: never later than the lease Redis recorded, which
/// writers wait out when an instance does not acknowledge their bump. A renewal sent before the
/// subscription last broke proves nothing and is ignored.
/// </remarks>
internal sealed partial class RedisResourceVersionStore
{
    private readonly Dictionary<string, (long SentAt, long Connection)> _renewals = new(StringComparer.Ordinal);
    private readonly Lock _renewalsGate = new();
    private ChannelMessageQueue? _queue;
    private Task? _leases;
    private long _connection;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _queue = await _redis.GetSubscriber().SubscribeAsync(_channel).ConfigureAwait(false);
            _queue.OnMessage(message => OnMessage(message.Message));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Redis down at start must not stop the site: the multiplexer subscribes again when it
            // reconnects, and the local copy stays untrusted until a renewal comes back.
            Log.VersionStoreUnavailable(_logger, ex);
        }

        _leases = RenewLeasesAsync(_stopping.Token);
        await WarnAboutEvictionPolicyAsync().ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_leases is not null)
        {
            await _leases.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        // Stop answering from memory first, then give the lease back so writers stop waiting for us.
        Local.Distrust();
        try
        {
            await _redis.GetDatabase().ScriptEvaluateAsync(RedisScripts.Release, _keys, [InstanceId])
                .WaitAsync(_options.StoreTimeout * 10, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The lease runs out by itself.
            Log.VersionStoreUnavailable(_logger, ex);
        }

        if (_queue is not null)
        {
            await _queue.UnsubscribeAsync().ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Renews the lease at every quarter of it, so one or two lost renewals cost nothing.</summary>
    private async Task RenewLeasesAsync(CancellationToken stopping)
    {
        var interval = _options.LeaseDuration / 4;
        do
        {
            var nonce = VersionToken.New();
            lock (_renewalsGate)
            {
                _renewals.Clear();
                _renewals[nonce] = (_time.GetTimestamp(), Interlocked.Read(ref _connection));
            }

            try
            {
                await _redis.GetDatabase()
                    .ScriptEvaluateAsync(RedisScripts.Renew, _keys, [VersionToken.New(), _channel.ToString(), InstanceId, LeaseMilliseconds, nonce])
                    .WaitAsync(interval, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Not renewed: the lease runs out by itself; nothing else to do.
                _metrics.StoreFailed(CacheMetrics.StoreOperations.Renew);
                Log.LeaseNotRenewed(_logger, ex);
            }

            try
            {
                await Task.Delay(interval, _time, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        while (!stopping.IsCancellationRequested);
    }

    private void OnMessage(RedisValue message)
    {
        var text = (string?)message;
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        if (text.StartsWith(RedisScripts.BumpPrefix, StringComparison.Ordinal))
        {
            OnBump(text);
        }
        else if (text.StartsWith(RedisScripts.LeasePrefix, StringComparison.Ordinal))
        {
            OnRenewal(text);
        }
        else if (text.StartsWith(RedisScripts.AckPrefix, StringComparison.Ordinal))
        {
            // @ack:{instance}:{seq}:{state}
            var parts = text[RedisScripts.AckPrefix.Length..].Split(':', 3);
            if (parts.Length == 3 && long.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var sequence))
            {
                Acknowledgements.OnAcknowledged(parts[0], parts[2], sequence);
            }
        }
    }

    /// <summary>@bump:{seq}:{state}\n{resource}\n...: forget those versions, then say so.</summary>
    private void OnBump(string text)
    {
        var lines = text.Split('\n');
        Local.Invalidate(lines.AsSpan(1).ToArray());
        var header = lines[0][RedisScripts.BumpPrefix.Length..];
        var colon = header.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return;
        }

        // Fire and forget: a lost acknowledgement only makes the writer wait for our lease. Through the master, like
        // every other message on the channel (see RedisScripts.Acknowledge), not to the server we subscribed on.
        var ack = $"{RedisScripts.AckPrefix}{InstanceId}:{header[..colon]}:{header[(colon + 1)..]}";
        try
        {
            _ = _redis.GetDatabase().ScriptEvaluateAsync(RedisScripts.Acknowledge, values: [_channel.ToString(), ack], flags: CommandFlags.FireAndForget);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            Log.VersionStoreUnavailable(_logger, ex);
        }
    }

    /// <summary>@lease:{instance}:{nonce}:{state}: our own renewal came back in order: extend the lease.</summary>
    private void OnRenewal(string text)
    {
        var parts = text[RedisScripts.LeasePrefix.Length..].Split(':', 3);
        if (parts.Length != 3 || parts[0] != InstanceId)
        {
            return;
        }

        (long SentAt, long Connection) sent;
        lock (_renewalsGate)
        {
            if (!_renewals.Remove(parts[1], out sent))
            {
                return;
            }
        }

        if (sent.Connection != Interlocked.Read(ref _connection))
        {
            // The subscription broke after the renewal was sent: bumps may have been lost in between.
            return;
        }

        var expiry = sent.SentAt + (long)(_options.LeaseDuration.TotalSeconds * 0.9 * _time.TimestampFrequency);
        Local.Extend(expiry, parts[2]);
    }

    /// <summary>
    /// Any connection that failed or came back may have dropped notifications: forget the copy now,
    /// and let no renewal sent before this moment restore trust.
    /// </summary>
    private void OnConnectionChanged(object? sender, ConnectionFailedEventArgs e)
    {
        Interlocked.Increment(ref _connection);
        Local.Distrust();
        Log.VersionNotificationsLost(_logger, e.ConnectionType.ToString(), e.FailureType.ToString());
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
}

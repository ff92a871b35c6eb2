namespace FPbase.Caching.Versions;

/// <summary>
/// The writer's side of a bump: waits until every instance that held a lease when the bump was
/// applied has acknowledged it (its copy no longer holds what the bump replaced), or until that
/// instance's lease has run out. Acknowledgements may arrive before the writer starts waiting, so the
/// latest one per instance is kept; they count only within the same state of the store (a flush or a
/// failover starts the sequence numbers again).
/// </summary>
internal sealed class BumpAcknowledgements(TimeProvider time)
{
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromMinutes(10);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Acknowledged> _latest = new(StringComparer.Ordinal);
    private readonly List<Waiter> _waiting = [];

    /// <summary>Called for every <c>@ack</c> message, in the order they arrive.</summary>
    public void OnAcknowledged(string instance, string state, long sequence)
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            if (!_latest.TryGetValue(instance, out var seen) || seen.State != state || seen.Sequence < sequence)
            {
                _latest[instance] = new Acknowledged(state, sequence, now);
            }

            for (var i = _waiting.Count - 1; i >= 0; i--)
            {
                var waiter = _waiting[i];
                if (waiter.State == state && waiter.Sequence <= sequence && waiter.Remaining.Remove(instance) && waiter.Remaining.Count == 0)
                {
                    waiter.Done.TrySetResult();
                    _waiting.RemoveAt(i);
                }
            }

            if (_latest.Count > 256)
            {
                Forget(now);
            }
        }
    }

    /// <summary>
    /// Returns once each holder acknowledged <paramref name="sequence"/> of <paramref name="state"/> or
    /// passed its deadline (a timestamp of <see cref="TimeProvider"/>). Holders' deadlines are when
    /// their leases end at the latest, so waiting never takes longer than a lease. Returns how many holders were waited
    /// out (their deadline passed) rather than heard from.
    /// </summary>
    public async Task<int> WaitAsync(string state, long sequence, IReadOnlyDictionary<string, long> holders, CancellationToken cancellationToken)
    {
        if (holders.Count == 0)
        {
            return 0;
        }

        var waiter = new Waiter(state, sequence, new Dictionary<string, long>(holders, StringComparer.Ordinal));
        lock (_gate)
        {
            foreach (var (instance, seen) in _latest)
            {
                if (seen.State == state && seen.Sequence >= sequence)
                {
                    waiter.Remaining.Remove(instance);
                }
            }

            if (waiter.Remaining.Count == 0)
            {
                return 0;
            }

            _waiting.Add(waiter);
        }

        var waitedOut = 0;
        try
        {
            while (true)
            {
                long next;
                lock (_gate)
                {
                    var now = time.GetTimestamp();
                    foreach (var (instance, deadline) in waiter.Remaining.ToArray())
                    {
                        if (deadline <= now)
                        {
                            waiter.Remaining.Remove(instance);
                            waitedOut++;
                        }
                    }

                    if (waiter.Remaining.Count == 0)
                    {
                        return waitedOut;
                    }

                    next = waiter.Remaining.Values.Min();
                }

                var delay = time.GetElapsedTime(time.GetTimestamp(), next);
                if (delay > TimeSpan.Zero)
                {
                    await Task.WhenAny(waiter.Done.Task, Task.Delay(delay, time, cancellationToken)).ConfigureAwait(false);
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (waiter.Done.Task.IsCompleted)
                {
                    return waitedOut;
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                _waiting.Remove(waiter);
            }
        }
    }

    private void Forget(long now)
    {
        foreach (var (instance, seen) in _latest.ToArray())
        {
            if (time.GetElapsedTime(seen.At, now) > ForgetAfter)
            {
                _latest.Remove(instance);
            }
        }
    }

    private sealed record Acknowledged(string State, long Sequence, long At);

    private sealed class Waiter(string state, long sequence, Dictionary<string, long> remaining)
    {
        public string State { get; } = state;

        public long Sequence { get; } = sequence;

        public Dictionary<string, long> Remaining { get; } = remaining;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

namespace FPbase.Soak;

/// <summary>How a write ended, as the writer saw it.</summary>
public enum WriteOutcome
{
    /// <summary>A 2xx, received in full: the value is committed and must be visible to every read started later.</summary>
    Acknowledged,

    /// <summary>A 4xx, 5xx, timeout or transport error: indeterminate, the value may or may not be (or become) visible.</summary>
    Refused,
}

/// <summary>What a read was answered with.</summary>
public enum ReadKind
{
    /// <summary>A 200: the value parsed from its body.</summary>
    Ok,

    /// <summary>A 304: "the value you hold", the one parsed from the 200 that gave the ETag.</summary>
    NotModified,
}

/// <summary>
/// One write of one protein. Times are <see cref="Clock"/> ticks of the checker process: <paramref name="SentAt"/>
/// taken before the request was sent, <paramref name="AckAt"/> after the whole success response was received.
/// </summary>
public sealed record WriteRecord(string Protein, long Counter, long SentAt, long? AckAt, WriteOutcome Outcome, int Status);

/// <summary>
/// One protein's value in one read answer. <paramref name="StartedAt"/> was taken before the request was sent.
/// A list answer gives one observation per watched protein, all with the same <paramref name="RequestId"/>.
/// </summary>
public sealed record ReadObservation(
    long RequestId, string Protein, long Counter, ReadKind Kind, long StartedAt, string Surface, string Instance, string Coding);

/// <summary>A read that returned a value older than a write acknowledged before the read started.</summary>
public sealed record Violation(ReadObservation Read, long Required, long RequiredAckAt)
{
    /// <summary>How long before the read started the newer value had been acknowledged.</summary>
    public double LagMs => Clock.ToMs(Read.StartedAt - RequiredAckAt);
}

public sealed class CheckResult
{
    /// <summary>Requests whose 200 body held a value older than required (counted once per request).</summary>
    public int Stale200 { get; init; }

    /// <summary>Requests answered 304 while the held value was older than required (once per request).</summary>
    public int False304 { get; init; }

    /// <summary>Observations of a value no write ever carried (a parsing or checker bug, or corrupted data).</summary>
    public int Phantom { get; init; }

    /// <summary>
    /// Observations below the required value that equal the counter of a refused write of that protein: a refused
    /// write may have committed late, after the newer acknowledged one, so these are not counted as violations.
    /// </summary>
    public int Ambiguous { get; init; }

    public int Observations { get; init; }

    public IReadOnlyList<Violation> Violations { get; init; } = [];
}

/// <summary>
/// The check, offline, over the complete history (so that a write whose ack time was taken but not yet recorded when a
/// read ended can never be missed): for every observation, the value's counter must be at least the counter of the
/// latest write to that protein that was acknowledged strictly before the read started.
/// </summary>
public static class HistoryChecker
{
    public static CheckResult Check(IEnumerable<WriteRecord> writes, IEnumerable<ReadObservation> reads)
    {
        var byProtein = new Dictionary<string, ProteinHistory>(StringComparer.Ordinal);
        foreach (var w in writes)
        {
            if (!byProtein.TryGetValue(w.Protein, out var h))
            {
                byProtein[w.Protein] = h = new ProteinHistory();
            }

            h.MaxIssued = Math.Max(h.MaxIssued, w.Counter);
            if (w.Outcome == WriteOutcome.Acknowledged && w.AckAt is { } ack)
            {
                h.Acks.Add((ack, w.Counter));
            }
            else
            {
                h.Refused.Add(w.Counter);
            }
        }

        foreach (var h in byProtein.Values)
        {
            h.Acks.Sort((a, b) => a.AckAt.CompareTo(b.AckAt));
            // Prefix maximum: the required counter at time t is the largest counter acknowledged before t.
            h.PrefixMax = new (long, long)[h.Acks.Count];
            (long Counter, long AckAt) best = (0, long.MinValue);
            for (var i = 0; i < h.Acks.Count; i++)
            {
                if (h.Acks[i].Counter > best.Counter)
                {
                    best = (h.Acks[i].Counter, h.Acks[i].AckAt);
                }

                h.PrefixMax[i] = best;
            }
        }

        var staleRequests = new HashSet<long>();
        var false304Requests = new HashSet<long>();
        var violations = new List<Violation>();
        int phantom = 0, ambiguous = 0, observations = 0;
        foreach (var r in reads)
        {
            observations++;
            byProtein.TryGetValue(r.Protein, out var h);
            if (r.Counter < 0 || r.Counter > (h?.MaxIssued ?? 0))
            {
                phantom++;
                continue;
            }

            if (h is null)
            {
                continue;
            }

            var (required, requiredAck) = h.RequiredAt(r.StartedAt);
            if (r.Counter >= required)
            {
                continue;
            }

            if (h.Refused.Contains(r.Counter))
            {
                ambiguous++;
                continue;
            }

            violations.Add(new Violation(r, required, requiredAck));
            (r.Kind == ReadKind.Ok ? staleRequests : false304Requests).Add(r.RequestId);
        }

        violations.Sort((a, b) => a.Read.StartedAt.CompareTo(b.Read.StartedAt));
        return new CheckResult
        {
            Stale200 = staleRequests.Count,
            False304 = false304Requests.Count,
            Phantom = phantom,
            Ambiguous = ambiguous,
            Observations = observations,
            Violations = violations,
        };
    }

    private sealed class ProteinHistory
    {
        public long MaxIssued;
        public readonly List<(long AckAt, long Counter)> Acks = [];
        public readonly HashSet<long> Refused = [];
        public (long Counter, long AckAt)[] PrefixMax = [];

        /// <summary>The largest counter acknowledged strictly before <paramref name="t"/> (0 and none: the seed value).</summary>
        public (long Counter, long AckAt) RequiredAt(long t)
        {
            int lo = 0, hi = Acks.Count - 1, found = -1;
            while (lo <= hi)
            {
                var mid = (lo + hi) / 2;
                if (Acks[mid].AckAt < t)
                {
                    found = mid;
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            return found < 0 ? (0, long.MinValue) : PrefixMax[found];
        }
    }
}

/// <summary>The checker's one clock: monotonic, in <see cref="System.Diagnostics.Stopwatch"/> ticks.</summary>
public static class Clock
{
    public static long Now => System.Diagnostics.Stopwatch.GetTimestamp();

    public static double ToMs(long ticks) => ticks * 1000.0 / System.Diagnostics.Stopwatch.Frequency;

    public static long FromMs(double ms) => (long)(ms * System.Diagnostics.Stopwatch.Frequency / 1000.0);
}

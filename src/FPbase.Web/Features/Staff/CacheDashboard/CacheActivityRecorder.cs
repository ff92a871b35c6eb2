using System.Diagnostics.Metrics;
using FPbase.Caching.Diagnostics;

namespace FPbase.Web.Features.Staff.CacheDashboard;

/// <summary>
/// Keeps the last hour of this instance's cache activity for the staff dashboard, read from the caching library's
/// own instruments (<see cref="CacheMetrics"/>, through a <see cref="MeterListener"/> on this application's meter
/// only): answers by outcome and payload bytes per <see cref="Interval"/>, the slowest builds, bumps per kind, the
/// last bumps' waits, store errors and the gauges. Bounded: <see cref="Intervals"/> intervals, <see cref="SlowestKept"/>
/// builds, <see cref="WaitsKept"/> waits; kinds and outcomes are the instruments' bounded tag values. Per instance, as
/// the counters are: Prometheus (<c>/metrics</c>) is the place to sum instances.
/// </summary>
public sealed class CacheActivityRecorder : IHostedService, IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    public const int Intervals = 360;
    public const int SlowestKept = 10;
    public const int WaitsKept = 200;

    private readonly IMeterFactory _meters;
    private readonly TimeProvider _time;
    private readonly MeterListener _listener = new();
    private readonly Lock _gate = new();
    private readonly Queue<ActivityInterval> _closed = new();
    private readonly List<SlowBuild> _slowest = [];
    private readonly Dictionary<string, KindBumps> _bumps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _storeErrors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _edgePurges = new(StringComparer.Ordinal);
    private readonly Queue<double> _waits = new();
    private readonly DateTimeOffset _since;
    // The per-answer counts are the hot path (every 304 is one): added without the lock, to the current interval's
    // arrays, which closing an interval swaps for new ones.
    private static readonly string[] KnownOutcomes =
    [
        CacheMetrics.Outcomes.NotModified, CacheMetrics.Outcomes.Payload, CacheMetrics.Outcomes.Build,
        CacheMetrics.Outcomes.Bypass, CacheMetrics.Outcomes.PreconditionFailed, CacheMetrics.Outcomes.Write,
    ];
    private long[] _answers = new long[KnownOutcomes.Length + 1];
    private long[] _bytes = new long[2];
    private DateTimeOffset _start;
    private long _bumped;
    private long _leaseExpiries;
    private long _circuit;
    private long _outbox;
    private long _memory;
    private long _memoryLimit;
    private ITimer? _timer;

    public CacheActivityRecorder(IMeterFactory meters, TimeProvider time)
    {
        _meters = meters;
        _time = time;
        _since = _start = time.GetUtcNow();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == CacheMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, _meters))
            {
                // The instrument's name is looked up once, here; each measurement carries it as its state.
                listener.EnableMeasurementEvents(instrument, instrument.Name);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, state) => Measured((string)state!, value, tags));
        _listener.SetMeasurementEventCallback<int>((_, value, tags, state) => Measured((string)state!, value, tags));
        _listener.SetMeasurementEventCallback<double>((_, value, tags, state) => Measured((string)state!, value, tags));
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _listener.Start();
        _timer = _time.CreateTimer(_ => Close(), null, Interval, Interval);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _listener.Dispose();
    }

    /// <summary>The closed intervals and the current one, with the gauges read now.</summary>
    public CacheActivity Snapshot()
    {
        _listener.RecordObservableInstruments();
        lock (_gate)
        {
            var intervals = _closed.Append(Current()).ToList();
            return new CacheActivity(
                _time.GetUtcNow(), _since, intervals, [.. _slowest], _bumps.Values.OrderBy(b => b.Kind, StringComparer.Ordinal).ToList(),
                new Dictionary<string, long>(_storeErrors), _leaseExpiries, [.. _waits], _circuit != 0, _outbox, _memory, _memoryLimit,
                new Dictionary<string, long>(_edgePurges));
        }
    }

    private ActivityInterval Current()
    {
        var (answers, bytes) = (Volatile.Read(ref _answers), Volatile.Read(ref _bytes));
        var byOutcome = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < answers.Length; i++)
        {
            if (Interlocked.Read(ref answers[i]) is > 0 and var n)
            {
                byOutcome[i < KnownOutcomes.Length ? KnownOutcomes[i] : "other"] = n;
            }
        }

        return new(_start, byOutcome, Interlocked.Read(ref bytes[0]), Interlocked.Read(ref bytes[1]), _bumped);
    }

    private void Close()
    {
        lock (_gate)
        {
            _closed.Enqueue(Current());
            while (_closed.Count >= Intervals)
            {
                _closed.Dequeue();
            }

            Volatile.Write(ref _answers, new long[KnownOutcomes.Length + 1]);
            Volatile.Write(ref _bytes, new long[2]);
            _bumped = 0;
            _start = _time.GetUtcNow();
            var oldest = _start - (Interval * Intervals);
            _slowest.RemoveAll(b => b.At < oldest);
        }
    }

    private void Measured(string instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        switch (instrument)
        {
            case "fpbase.cache.responses":
                var index = Array.IndexOf(KnownOutcomes, Tag(tags, "outcome"));
                Interlocked.Add(ref Volatile.Read(ref _answers)[index < 0 ? KnownOutcomes.Length : index], (long)value);
                return;
            case "fpbase.cache.payload.bytes":
                Interlocked.Add(ref Volatile.Read(ref _bytes)[0], (long)value);
                return;
            case "fpbase.cache.payload.identity_bytes":
                Interlocked.Add(ref Volatile.Read(ref _bytes)[1], (long)value);
                return;
        }

        var now = _time.GetUtcNow();
        lock (_gate)
        {
            switch (instrument)
            {
                case "fpbase.cache.build.duration":
                    Built(new SlowBuild(Tag(tags, "endpoint"), TimeSpan.FromSeconds(value), now));
                    break;
                case "fpbase.cache.bumps":
                    var kind = Tag(tags, "kind");
                    _bumps[kind] = new KindBumps(kind, (_bumps.TryGetValue(kind, out var seen) ? seen.Count : 0) + (long)value, now);
                    _bumped += (long)value;
                    break;
                case "fpbase.cache.bump.wait":
                    _waits.Enqueue(value);
                    if (_waits.Count > WaitsKept)
                    {
                        _waits.Dequeue();
                    }

                    break;
                case "fpbase.cache.bump.lease_expiries":
                    _leaseExpiries += (long)value;
                    break;
                case "fpbase.cache.store.errors":
                    var operation = Tag(tags, "operation");
                    _storeErrors[operation] = _storeErrors.GetValueOrDefault(operation) + (long)value;
                    break;
                case "fpbase.cache.edge.purges":
                    var outcome = Tag(tags, "outcome");
                    _edgePurges[outcome] = _edgePurges.GetValueOrDefault(outcome) + (long)value;
                    break;
                case "fpbase.cache.store.circuit":
                    _circuit = (long)value;
                    break;
                case "fpbase.cache.outbox.unconfirmed":
                    _outbox = (long)value;
                    break;
                case "fpbase.cache.memory.size":
                    _memory = (long)value;
                    break;
                case "fpbase.cache.memory.limit":
                    _memoryLimit = (long)value;
                    break;
            }
        }
    }

    private void Built(SlowBuild build)
    {
        if (_slowest.Count >= SlowestKept && build.Duration <= _slowest[^1].Duration)
        {
            return;
        }

        _slowest.Add(build);
        _slowest.Sort((a, b) => b.Duration.CompareTo(a.Duration));
        if (_slowest.Count > SlowestKept)
        {
            _slowest.RemoveAt(_slowest.Count - 1);
        }
    }

    private static string Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == name)
            {
                return tag.Value as string ?? "";
            }
        }

        return "";
    }
}

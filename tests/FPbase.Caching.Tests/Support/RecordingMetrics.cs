using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using FPbase.Caching.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace FPbase.Caching.Tests.Support;

/// <summary>
/// A <see cref="CacheMetrics"/> on a meter factory of its own, with a listener that keeps every measurement of its
/// instruments (and of no other test's: instruments are matched by their meter's scope).
/// </summary>
internal sealed class RecordingMetrics : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();

    public RecordingMetrics()
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = _services.GetRequiredService<IMeterFactory>();
        Metrics = new CacheMetrics(factory);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => _measurements.Enqueue((instrument.Name, value, tags.ToArray())));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => _measurements.Enqueue((instrument.Name, value, tags.ToArray())));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => _measurements.Enqueue((instrument.Name, value, tags.ToArray())));
        _listener.Start();
    }

    public CacheMetrics Metrics { get; }

    /// <summary>Every value recorded on <paramref name="instrument"/> so far (observing the gauges first), optionally only with one tag.</summary>
    public IReadOnlyList<double> Values(string instrument, string? tag = null, string? value = null)
    {
        _listener.RecordObservableInstruments();
        return _measurements
            .Where(m => m.Instrument == instrument && (tag is null || m.Tags.Any(t => t.Key == tag && Equals(t.Value, value))))
            .Select(m => m.Value)
            .ToList();
    }

    public double Sum(string instrument, string? tag = null, string? value = null) => Values(instrument, tag, value).Sum();

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }
}

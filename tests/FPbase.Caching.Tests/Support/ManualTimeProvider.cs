namespace FPbase.Caching.Tests.Support;

/// <summary>
/// A clock the test moves by hand (the outbox grace period, leases): wall-clock time and the
/// monotonic timestamps move together. Timers still run on real time.
/// </summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => _now.UtcTicks;

    public void Advance(TimeSpan by) => _now += by;
}

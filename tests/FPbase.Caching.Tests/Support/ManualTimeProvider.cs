namespace FPbase.Caching.Tests.Support;

/// <summary>A clock the test moves by hand (for the outbox grace period).</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

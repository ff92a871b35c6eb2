namespace FPbase.Soak;

/// <summary>
/// When the run ends. It starts at <c>--seconds</c> and moves only later, and only so that every fault of the
/// first cycle is injected and followed by quiet reads: a slow instance restart on a loaded machine once left the
/// last fault out (and failed the check) instead of running a few seconds longer. Never past twice the run.
/// </summary>
public sealed class RunDeadline(long start, long at, long latest)
{
    private long _at = at;

    public long Start { get; } = start;

    public long At => Volatile.Read(ref _at);

    /// <summary>Moves the end to <paramref name="later"/> if that is later (capped at twice the run); returns the end.</summary>
    public long ExtendTo(long later)
    {
        var capped = Math.Min(later, latest);
        long current;
        while ((current = Volatile.Read(ref _at)) < capped)
        {
            if (Interlocked.CompareExchange(ref _at, capped, current) == current)
            {
                return capped;
            }
        }

        return current;
    }
}

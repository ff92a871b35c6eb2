namespace FPbase.Web.Features.Fret;

/// <summary>
/// The Förster lists this instance has computed, keyed by the stamp each was computed for (the two newest), and
/// the worker's wake-up call. A list is current for a request only when the request's stamp is the list's own,
/// so an older list is never taken for the current one once versions have moved on.
/// </summary>
internal sealed class ForsterListResults
{
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _wake = new(0, 1);
    private ForsterListSnapshot? _latest;
    private ForsterListSnapshot? _previous;

    /// <summary>The most recently computed list, whatever its version; null before the first.</summary>
    public ForsterListSnapshot? Latest
    {
        get
        {
            lock (_lock)
            {
                return _latest;
            }
        }
    }

    /// <summary>The list computed for exactly <paramref name="stamp"/>, or null.</summary>
    public ForsterListSnapshot? For(string stamp)
    {
        lock (_lock)
        {
            return _latest?.Stamp == stamp ? _latest : _previous?.Stamp == stamp ? _previous : null;
        }
    }

    public void Add(ForsterListSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_lock)
        {
            if (_latest?.Stamp != snapshot.Stamp)
            {
                _previous = _latest;
            }

            _latest = snapshot;
        }
    }

    /// <summary>Asks the worker to look at the versions now (a request saw a version with no list yet). Never blocks.</summary>
    public void Wake()
    {
        lock (_lock)
        {
            if (_wake.CurrentCount == 0)
            {
                _wake.Release();
            }
        }
    }

    /// <summary>Waits for <see cref="Wake"/> or until <paramref name="timeout"/> has passed.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);
}

using FPbase.Web.Features.Fret;

namespace FPbase.Web.Tests.Fret;

/// <summary>The site's own list source behind a gate the test opens: while held, the worker's computation waits.</summary>
internal sealed class GatedForsterListSource(IForsterListSource inner) : IForsterListSource
{
    private readonly Lock _lock = new();
    private TaskCompletionSource? _gate;
    private TaskCompletionSource<string> _waiting = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>From now on computations wait until <see cref="Release"/>; returns a task that completes with the stamp of the first one held.</summary>
    public Task<string> Hold()
    {
        lock (_lock)
        {
            _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting = new(TaskCreationOptions.RunContinuationsAsynchronously);
            return _waiting.Task;
        }
    }

    public void Release()
    {
        lock (_lock)
        {
            _gate?.TrySetResult();
            _gate = null;
        }
    }

    public async Task<ForsterListSnapshot> ComputeAsync(string stamp, CancellationToken cancellationToken)
    {
        Task? gate;
        lock (_lock)
        {
            gate = _gate?.Task;
            if (gate is not null)
            {
                _waiting.TrySetResult(stamp);
            }
        }

        if (gate is not null)
        {
            await gate.WaitAsync(cancellationToken);
        }

        return await inner.ComputeAsync(stamp, cancellationToken);
    }
}

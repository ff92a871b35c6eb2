using System.Collections.Concurrent;
using FPbase.Caching.Versions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FPbase.Caching.Interception;

/// <summary>
/// Bumps committed changes and remembers which outbox rows it has confirmed, so the drainer can
/// delete them; a failed bump is logged and left to the drainer, never thrown at the writer,
/// whose data is already committed.
/// </summary>
internal sealed class ResourceBumper(IResourceVersionStore store, IOptions<HttpCachingOptions> options, ILogger<ResourceBumper> logger)
{
    private readonly ConcurrentQueue<long> _confirmed = new();

    public async Task BumpCommittedAsync(IReadOnlyCollection<string> resources, IReadOnlyCollection<long> outboxIds, CancellationToken cancellationToken)
    {
        if (resources.Count == 0)
        {
            return;
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.BumpTimeout);
            await store.BumpAsync(resources, timeout.Token).ConfigureAwait(false);
            foreach (var id in outboxIds)
            {
                _confirmed.Enqueue(id);
            }

            if (logger.IsEnabled(LogLevel.Debug))
            {
                Log.Bumped(logger, resources.Count, string.Join(", ", resources));
            }
        }
        catch (Exception ex)
        {
            // The change is committed and its outbox row is too: the drainer will bump it.
            Log.BumpFailed(logger, resources.Count, ex);
        }
    }

    public List<long> TakeConfirmed()
    {
        var ids = new List<long>();
        while (_confirmed.TryDequeue(out var id))
        {
            ids.Add(id);
        }

        return ids;
    }

    public void ReturnConfirmed(IEnumerable<long> ids)
    {
        foreach (var id in ids)
        {
            _confirmed.Enqueue(id);
        }
    }
}

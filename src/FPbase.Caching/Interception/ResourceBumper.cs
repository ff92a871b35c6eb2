using System.Collections.Concurrent;
using FPbase.Caching.Diagnostics;
using FPbase.Caching.Edge;
using FPbase.Caching.Versions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FPbase.Caching.Interception;

/// <summary>
/// Bumps committed changes (new versions, then a purge of the edge nodes, if any) and remembers which outbox rows it
/// has confirmed, so the drainer can delete them. A bump that cannot be confirmed is left to the drainer and thrown at the writer as
/// <see cref="ResourceVersionsUnconfirmedException"/>: its data is committed, but other instances may
/// still serve what it replaced, so the write must not be acknowledged.
/// </summary>
internal sealed class ResourceBumper(IResourceVersionStore store, EdgePurger edge, CommittedReads committed, IOptions<HttpCachingOptions> options, CacheMetrics metrics, ILogger<ResourceBumper> logger)
{
    private readonly ConcurrentQueue<long> _confirmed = new();

    /// <summary>
    /// Looks the write's links up again now that it is committed (a concurrent transaction may have
    /// moved one), records any new resource in its outbox row, and bumps the union.
    /// </summary>
    /// <remarks>
    /// Takes no cancellation token on purpose: the data is committed, and a client that disconnects
    /// right after the commit must not cancel the bump (the store bounds it by its own timeout).
    /// </remarks>
    public async Task BumpCommittedAsync(CommittedWrite write)
    {
        if (write.IsEmpty)
        {
            return;
        }

        var resources = new HashSet<string>(write.Resources, StringComparer.Ordinal);
        if (write.Links.Count > 0)
        {
            await ResolveAgainAsync(write, resources).ConfigureAwait(false);
        }

        try
        {
            await ApplyAsync(resources, CancellationToken.None).ConfigureAwait(false);
            foreach (var id in write.OutboxIds)
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
            throw ex as ResourceVersionsUnconfirmedException ?? new ResourceVersionsUnconfirmedException(resources.Count, options.Value.BumpTimeout, ex);
        }
    }

    /// <summary>
    /// The bump itself, for a writer and for the drainer: new versions that every instance has acknowledged, then
    /// the edge nodes' purge, which is only correct after them (a fetch that reaches an instance after the purge must
    /// find the new versions). Throws when either cannot be confirmed.
    /// </summary>
    public async Task ApplyAsync(IReadOnlyCollection<string> resources, CancellationToken cancellationToken)
    {
        await store.BumpAsync(resources, cancellationToken).ConfigureAwait(false);
        metrics.Bumped(resources);
        await edge.PurgeAsync(resources, cancellationToken).ConfigureAwait(false);
    }

    private async Task ResolveAgainAsync(CommittedWrite write, HashSet<string> resources)
    {
        var before = resources.Count;
        try
        {
            await committed.RunAsync(async context =>
            {
                foreach (var links in write.Links)
                {
                    await links.ResolveAsync(context, resources, CancellationToken.None).ConfigureAwait(false);
                }

                if (resources.Count > before && write.OutboxIds.Count > 0)
                {
                    // Make the outbox row say everything, in case this process dies before the bump.
                    var id = write.OutboxIds[0];
                    var all = OutboxEntry.Join(resources);
                    await context.Set<OutboxEntry>().Where(e => e.Id == id)
                        .ExecuteUpdateAsync(s => s.SetProperty(e => e.Resources, all)).ConfigureAwait(false);
                }
            }).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The links cannot be looked up now: bump whole families instead, which covers any row.
            Log.LinksNotResolved(logger, ex);
            resources.UnionWith(write.Fallback);
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

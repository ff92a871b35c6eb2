using FPbase.Caching.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FPbase.Caching.Interception;

/// <summary>
/// Deletes the outbox rows this instance has confirmed, and bumps and purges (then deletes) rows that nobody
/// confirmed within the grace period: bumps that failed because Redis was unreachable or an edge node did not
/// purge, or whose writer died between commit and bump. Every instance drains, so a change reaches the versions
/// even if its writer never comes back.
/// </summary>
internal sealed class OutboxDrainer<TContext>(
    IServiceScopeFactory scopes,
    ResourceBumper bumper,
    IOptions<HttpCachingOptions> options,
    CacheMetrics metrics,
    ILogger<OutboxDrainer<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.OutboxPollInterval, options.Value.TimeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await DrainOnceAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One pass; returns how many unconfirmed rows it bumped.</summary>
    internal async Task<int> DrainOnceAsync(CancellationToken cancellationToken)
    {
        var confirmed = bumper.TakeConfirmed();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            var outbox = db.Set<OutboxEntry>();
            if (confirmed.Count > 0)
            {
                await outbox.Where(e => confirmed.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                confirmed.Clear();
            }

            var cutoff = options.Value.TimeProvider.GetUtcNow().Subtract(options.Value.OutboxGracePeriod).ToUnixTimeMilliseconds();
            var stale = await outbox.AsNoTracking().Where(e => e.CreatedAtMs <= cutoff).OrderBy(e => e.Id).Take(500)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            metrics.OutboxSeen(stale.Count);
            if (stale.Count == 0)
            {
                return 0;
            }

            var resources = stale.SelectMany(e => OutboxEntry.Split(e.Resources)).ToHashSet(StringComparer.Ordinal);
            await bumper.ApplyAsync(resources, cancellationToken).ConfigureAwait(false);
            var ids = stale.Select(e => e.Id).ToList();
            await outbox.Where(e => ids.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            Log.OutboxDrained(logger, stale.Count);
            return stale.Count;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            bumper.ReturnConfirmed(confirmed);
            Log.OutboxDrainFailed(logger, ex);
            return 0;
        }
    }
}

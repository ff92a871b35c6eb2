using FPbase.Data;
using FPbase.Data.Popularity;
using Microsoft.Extensions.Options;

namespace FPbase.Web.Features.Proteins.Popular;

/// <summary>
/// Writes the counted views every <see cref="PopularityOptions.FlushInterval"/>: one upsert per batch
/// (<see cref="ProteinViews.AddAsync"/>), off the request path. The write bumps <see cref="CacheDependencies.Popular"/>
/// after its commit, so the home page changes then and only then. A write that fails keeps its views for the next one.
/// The views of the last interval before an instance stops are not written: a write at shutdown would need Redis and
/// the database while the host is taking them down, for counts that only rank proteins.
/// </summary>
public sealed partial class ProteinViewFlusher(
    ProteinViewCounter counter,
    IServiceScopeFactory scopes,
    IOptions<PopularityOptions> options,
    TimeProvider time,
    ILogger<ProteinViewFlusher> logger) : BackgroundService
{
    /// <summary>Writes what has been counted now; the views written.</summary>
    public async Task<long> FlushAsync(CancellationToken cancellationToken)
    {
        var (views, dropped) = counter.TakeAll();
        if (dropped > 0)
        {
            LogDropped(logger, dropped, options.Value.MaxPagesPerFlush);
        }

        if (views.Count == 0)
        {
            return 0;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FpbaseDbContext>();
            return await ProteinViews.AddAsync(db, views, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            counter.Return(views);
            LogFailed(logger, ex, views.Count);
            return 0;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.FlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped {Dropped} protein page views: more than {Bound} pages were viewed in one interval")]
    private static partial void LogDropped(ILogger logger, long dropped, int bound);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write the views of {Pages} protein pages; kept for the next write")]
    private static partial void LogFailed(ILogger logger, Exception exception, int pages);
}

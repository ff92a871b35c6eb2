using FPbase.Caching;
using Microsoft.Extensions.Options;

namespace FPbase.Web.Features.Fret;

/// <summary>
/// Computes the Förster list in the background, never on a request thread: whenever the versions of the spectra
/// and the proteins have no list yet, it reads the stamp, then the data, computes, and keeps the list under that
/// stamp. A bump during a computation is seen on the next look, at once; the list just computed is kept, labelled
/// with the older stamp, and served as "computing" until its successor is done.
/// </summary>
internal sealed partial class ForsterListWorker(
    IResourceVersions versions,
    IForsterListSource source,
    ForsterListResults results,
    IOptionsMonitor<FretOptions> options,
    ILogger<ForsterListWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var failed = false;
            try
            {
                var stamp = await versions.GetStampAsync(FretResources.Names, stoppingToken);
                if (stamp is not null && results.For(stamp) is null)
                {
                    var snapshot = await source.ComputeAsync(stamp, stoppingToken);
                    results.Add(snapshot);
                    LogComputed(logger, snapshot.Pairs.Length, snapshot.Version, snapshot.Took.TotalMilliseconds);
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(logger, ex);
                failed = true;
            }

            try
            {
                // After a failure, requests do not wake it: one attempt per RetryDelay, however busy the site.
                await (failed
                    ? Task.Delay(options.CurrentValue.RetryDelay, stoppingToken)
                    : results.WaitAsync(options.CurrentValue.PollInterval, stoppingToken));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Förster list computed: {Pairs} pairs for version {Version} in {Milliseconds:F0} ms")]
    private static partial void LogComputed(ILogger logger, int pairs, string version, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Förster list could not be computed; the last one is served until it can")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

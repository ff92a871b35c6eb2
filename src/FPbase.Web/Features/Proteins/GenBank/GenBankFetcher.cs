using Microsoft.Extensions.Options;

namespace FPbase.Web.Features.Proteins.GenBank;

/// <summary>
/// Off the request path: takes what <see cref="GenBankSequences"/> queued, waits <see cref="GenBankOptions.BatchWindow"/>
/// for more, and asks Entrez for up to <see cref="GenBankOptions.MaxBatchSize"/> accessions per request, one request
/// per database, one request at a time and at least <see cref="GenBankOptions.MinimumInterval"/> apart (NCBI allows a
/// few requests a second). While a batch is out, new accessions queue for the next one.
/// </summary>
internal sealed partial class GenBankFetcher(
    GenBankSequences sequences,
    EntrezClient entrez,
    IOptionsMonitor<GenBankOptions> options,
    ILogger<GenBankFetcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = sequences.Queue;
        try
        {
            while (await queue.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                var o = options.CurrentValue;
                if (o.BatchWindow > TimeSpan.Zero)
                {
                    await Task.Delay(o.BatchWindow, stoppingToken).ConfigureAwait(false);
                }

                var batch = new List<(string Accession, EntrezDatabase Database)>();
                while (batch.Count < o.MaxBatchSize && queue.TryRead(out var accession))
                {
                    if (GenBankAccession.TryParse(accession, out var parsed, out var database))
                    {
                        batch.Add((parsed, database));
                    }
                    else
                    {
                        sequences.Fail(accession);
                    }
                }

                foreach (var group in batch.GroupBy(b => b.Database))
                {
                    await FetchAsync(group.Key, group.Select(b => b.Accession).ToList(), stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private long _lastRequest;

    private async Task FetchAsync(EntrezDatabase database, List<string> accessions, CancellationToken stoppingToken)
    {
        var wait = options.CurrentValue.MinimumInterval - TimeProvider.System.GetElapsedTime(_lastRequest);
        if (_lastRequest != 0 && wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, stoppingToken).ConfigureAwait(false);
        }

        _lastRequest = TimeProvider.System.GetTimestamp();
        try
        {
            var found = await entrez.FetchAsync(database, accessions, stoppingToken).ConfigureAwait(false);
            foreach (var accession in accessions)
            {
                sequences.Land(new GenBankRecord(accession, found.GetValueOrDefault(GenBankAccession.WithoutVersion(accession))));
            }
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogFailed(logger, accessions.Count, database, ex.GetType().Name, ex.Message);
            foreach (var accession in accessions)
            {
                sequences.Fail(accession);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "GenBank: fetching {Count} {Database} accessions failed ({Kind}: {Reason}); they are tried again when next asked for")]
    private static partial void LogFailed(ILogger logger, int count, EntrezDatabase database, string kind, string reason);
}

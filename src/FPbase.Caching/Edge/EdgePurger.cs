using System.Net;
using FPbase.Caching.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FPbase.Caching.Edge;

/// <summary>
/// Purges bumped resources on every edge node (<see cref="EdgeCacheOptions.Nodes"/>): one <c>PURGE /</c> per node
/// with the keys in <c>xkey-purge</c> (more than one only past <see cref="EdgeKeys.MaxBatchLength"/>), all nodes at
/// once, each retried with backoff until <see cref="EdgeCacheOptions.PurgeTimeout"/>. Returns when every node answered
/// 200; throws <see cref="ResourceVersionsUnconfirmedException"/> when one did not, so that the write is not
/// acknowledged and its outbox row stays (the drainer bumps and purges it again).
/// </summary>
/// <remarks>
/// A node's 200 means its fence for these keys is raised: no object fetched before it is delivered again
/// (deploy/varnish/vmod_fence). The bump ran before, and every instance acknowledged it, so a fetch that
/// reaches an instance after the purge is built from the new versions.
/// </remarks>
internal sealed class EdgePurger(IOptionsMonitor<HttpCachingOptions> options, CacheMetrics metrics, ILogger<EdgePurger> logger) : IDisposable
{
    private static readonly HttpMethod Purge = new("PURGE");
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(1);

    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        ConnectTimeout = AttemptTimeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <remarks>Not cancellable by the writer on purpose, like the bump before it: the data is committed.</remarks>
    public Task PurgeAsync(IReadOnlyCollection<string> resources, CancellationToken cancellationToken)
    {
        var edge = options.CurrentValue.Edge;
        if (!edge.Enabled || resources.Count == 0)
        {
            return Task.CompletedTask;
        }

        var batches = EdgeKeys.Batches(resources);
        var nodes = edge.Nodes.Select(n => new Uri(n, UriKind.Absolute)).ToList();
        return Task.WhenAll(nodes.Select(node => PurgeNodeAsync(node, batches, resources.Count, edge.PurgeTimeout, cancellationToken)));
    }

    private async Task PurgeNodeAsync(Uri node, List<string> batches, int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var time = options.CurrentValue.TimeProvider;
        var started = time.GetTimestamp();
        var delay = TimeSpan.FromMilliseconds(25);
        foreach (var batch in batches)
        {
            while (true)
            {
                Exception? failure = null;
                try
                {
                    using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    attempt.CancelAfter(AttemptTimeout);
                    using var request = new HttpRequestMessage(Purge, node);
                    request.Headers.TryAddWithoutValidation(EdgeKeys.PurgeHeader, batch);
                    using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        metrics.EdgePurged(CacheMetrics.PurgeOutcomes.Done);
                        break;
                    }

                    failure = new HttpRequestException($"PURGE answered {(int)response.StatusCode}.", null, response.StatusCode);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    // Anything: HttpClient lets a SocketException out when the peer resets right after the connect.
                    failure = ex;
                }

                metrics.EdgePurged(CacheMetrics.PurgeOutcomes.Retried);
                Log.EdgePurgeAttemptFailed(logger, count, node, failure);
                var left = timeout - time.GetElapsedTime(started);
                if (left <= TimeSpan.Zero)
                {
                    metrics.EdgePurged(CacheMetrics.PurgeOutcomes.Failed);
                    Log.EdgePurgeFailed(logger, node, count, timeout.TotalSeconds);
                    throw new ResourceVersionsUnconfirmedException($"The edge node {node} did not purge {count} resources within {timeout.TotalSeconds:0.#} s.");
                }

                await Task.Delay(delay < left ? delay : left, time, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromMilliseconds(400).Ticks));
            }
        }
    }

    public void Dispose() => _client.Dispose();
}

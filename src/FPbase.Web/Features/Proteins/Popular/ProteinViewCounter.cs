using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace FPbase.Web.Features.Proteins.Popular;

/// <summary>
/// This instance's protein page views since the last write, in memory: a request only increments a number here,
/// and the database sees one batched write per <see cref="PopularityOptions.FlushInterval"/>. Holds at most
/// <see cref="PopularityOptions.MaxPagesPerFlush"/> pages.
/// </summary>
public sealed class ProteinViewCounter(IOptions<PopularityOptions> options)
{
    private ConcurrentDictionary<string, long> _views = new(StringComparer.Ordinal);
    private long _dropped;

    /// <summary>Counts one view of the page <c>/protein/{key}/</c> (a slug or uuid, any case).</summary>
    public void Record(string key)
    {
        var views = _views;
        var normalized = key.ToLowerInvariant();
        if (views.Count >= options.Value.MaxPagesPerFlush && !views.ContainsKey(normalized))
        {
            Interlocked.Increment(ref _dropped);
            return;
        }

        views.AddOrUpdate(normalized, 1, static (_, n) => n + 1);
    }

    /// <summary>The views counted so far, and how many were dropped over the bound; the counter starts again at zero.</summary>
    public (IReadOnlyDictionary<string, long> Views, long Dropped) TakeAll()
    {
        var views = Interlocked.Exchange(ref _views, new ConcurrentDictionary<string, long>(StringComparer.Ordinal));
        return (views, Interlocked.Exchange(ref _dropped, 0));
    }

    /// <summary>Puts views back whose write failed, within the bound (the next write adds them).</summary>
    public void Return(IReadOnlyDictionary<string, long> views)
    {
        foreach (var (key, count) in views)
        {
            var current = _views;
            if (current.Count < options.Value.MaxPagesPerFlush || current.ContainsKey(key))
            {
                current.AddOrUpdate(key, count, (_, n) => n + count);
            }
        }
    }
}

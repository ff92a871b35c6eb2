using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace FPbase.Caching.Http.Shortcut;

/// <summary>
/// The URLs the shortcut has learned (method, path and query string exactly as sent), to what the ETag filter worked
/// out for them. Bounded: at most <see cref="HttpCachingOptions.ShortcutRoutes"/> entries, of URLs up to
/// <see cref="MaxKeyLength"/> characters (the URL held twice, as key and variant: about 2.5 KiB an entry at worst, 10 MiB
/// at the default 4,096); when full it
/// starts again empty, so junk URLs cost a relearn of the real ones, never memory.
/// </summary>
internal sealed class ShortcutRoutes(IOptionsMonitor<HttpCachingOptions> options)
{
    public const int MaxKeyLength = 512;

    private readonly ConcurrentDictionary<string, ShortcutRoute> _routes = new(StringComparer.Ordinal);
    private long _answered;

    public int Count => _routes.Count;

    /// <summary>Revalidations the shortcut has answered since start.</summary>
    public long Answered => Interlocked.Read(ref _answered);

    /// <summary>The request's key, or null when its URL is too long to be learned.</summary>
    public static string? KeyOf(HttpRequest request)
    {
        var path = request.Path.Value ?? string.Empty;
        var query = request.QueryString.Value ?? string.Empty;
        var method = request.Method;
        return method.Length + path.Length + query.Length + 1 > MaxKeyLength ? null : string.Concat(method, " ", path, query);
    }

    public bool TryGet(string key, out ShortcutRoute route) => _routes.TryGetValue(key, out route!);

    public void Learn(string key, ShortcutRoute route)
    {
        var max = options.CurrentValue.ShortcutRoutes;
        if (max == 0)
        {
            return;
        }

        if (_routes.Count >= max && !_routes.ContainsKey(key))
        {
            Forget();
        }

        _routes[key] = route;
    }

    /// <summary>Forgets every URL: each is answered by the full pipeline again, once, and relearned.</summary>
    public void Forget() => _routes.Clear();

    public void CountAnswer() => Interlocked.Increment(ref _answered);
}

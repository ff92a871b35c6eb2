using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace FPbase.Web.Tests.Browser;

/// <summary>One request as the server answered it.</summary>
public sealed record ServerResponse(long Sequence, string Method, string PathAndQuery, int Status, string? IfNoneMatch);

/// <summary>
/// What the server answered, recorded by a middleware in front of the whole pipeline. A browser hides
/// revalidation (a 304 is shown to the page, and to Playwright, as the cached 200), so tests that
/// prove a 304 read it here.
/// </summary>
public sealed class ServerResponseLog : IStartupFilter
{
    private readonly ConcurrentQueue<ServerResponse> _responses = new();
    private long _sequence;
    private int _inFlight;

    /// <summary>A position to read later responses from.</summary>
    public long Mark() => Interlocked.Read(ref _sequence);

    /// <summary>The responses to <paramref name="path"/> (path and query as the client sent them, exactly) after <paramref name="mark"/>.</summary>
    public IReadOnlyList<ServerResponse> Since(long mark, string path)
        => _responses.Where(r => r.Sequence > mark && r.PathAndQuery == path).OrderBy(r => r.Sequence).ToList();

    /// <summary>
    /// A position taken once no request is in the pipeline: a client can have a response's last byte before the
    /// server has logged it, so a mark taken right after a request may still see that request later.
    /// </summary>
    public async Task<long> MarkWhenIdleAsync()
    {
        for (var i = 0; i < 500 && Volatile.Read(ref _inFlight) > 0; i++)
        {
            await Task.Delay(10);
        }

        return Mark();
    }

    /// <summary>Every response after <paramref name="mark"/>, for a failure's message.</summary>
    public string Describe(long mark)
        => string.Join("\n", _responses.Where(r => r.Sequence > mark).OrderBy(r => r.Sequence));

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            var request = context.Request;
            var ifNoneMatch = request.Headers.IfNoneMatch.ToString();
            // As the client sent it: the ETag filter canonicalizes the query string it hands the endpoint, the
            // shortcut in front of it does not.
            var pathAndQuery = request.Path + request.QueryString;
            Interlocked.Increment(ref _inFlight);
            try
            {
                await nextMiddleware(context);
                _responses.Enqueue(new ServerResponse(
                    Interlocked.Increment(ref _sequence),
                    request.Method,
                    pathAndQuery,
                    context.Response.StatusCode,
                    ifNoneMatch.Length > 0 ? ifNoneMatch : null));
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        });
        next(app);
    };
}

using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FPbase.Web.Tests.GenBank;

/// <summary>
/// A real HTTP server (Kestrel on a free loopback port) that plays Entrez's <c>efetch.fcgi</c>, FASTA only, per accession:
/// a known sequence, absent (a well-formed answer without it), stalled until released, failing (500), rate-limited once
/// (429 with Retry-After: 1) or malformed (an HTML error page with 200). A request's behaviour is that of the first of
/// its ids that has one. Every request is recorded with its database and ids.
/// </summary>
public sealed class FakeEntrez : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new(StringComparer.Ordinal);

    private FakeEntrez(WebApplication app) => _app = app;

    public ConcurrentDictionary<string, string> Sequences { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, Behaviour> Behaviours { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<(string Database, string[] Ids)> Requests { get; } = new();

    public Uri BaseUrl { get; private set; } = null!;

    public enum Behaviour
    {
        Stalled,
        Failing,
        RateLimitedOnce,
        Malformed,
    }

    public static async Task<FakeEntrez> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeEntrez(app);
        app.MapGet("/entrez/eutils/efetch.fcgi", fake.AnswerAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        fake.BaseUrl = new Uri(address.TrimEnd('/') + "/entrez/eutils/");
        return fake;
    }

    /// <summary>Requests naming <paramref name="accession"/> first stall until <see cref="Release"/> (or until the client gives up).</summary>
    public void Stall(string accession)
    {
        _gates[accession] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Behaviours[accession] = Behaviour.Stalled;
    }

    /// <summary>The stalled requests for <paramref name="accession"/> go on, and later ones are answered at once.</summary>
    public void Release(string accession)
    {
        Behaviours.TryRemove(accession, out _);
        if (_gates.TryRemove(accession, out var gate))
        {
            gate.TrySetResult();
        }
    }

    /// <summary>Waits until Entrez has been asked for <paramref name="accession"/>.</summary>
    public async Task AskedForAsync(string accession)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (RequestsFor(accession) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Entrez was never asked for {accession}");
            await Task.Delay(20);
        }
    }

    public int RequestsFor(string accession) => Requests.Count(r => r.Ids.Contains(accession, StringComparer.Ordinal));

    private async Task AnswerAsync(HttpContext context)
    {
        var database = context.Request.Query["db"].ToString();
        var ids = context.Request.Query["id"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
        Requests.Enqueue((database, ids));
        var behaviour = ids.Select(id => Behaviours.TryGetValue(id, out var b) ? b : (Behaviour?)null).FirstOrDefault(b => b is not null);
        switch (behaviour)
        {
            case Behaviour.Stalled:
                var stalled = ids.FirstOrDefault(id => Behaviours.TryGetValue(id, out var b) && b == Behaviour.Stalled);
                if (stalled is not null && _gates.TryGetValue(stalled, out var gate))
                {
                    await gate.Task.WaitAsync(context.RequestAborted);
                }

                break;
            case Behaviour.Failing:
                context.Response.StatusCode = 500;
                await context.Response.WriteAsync("Internal Server Error");
                return;
            case Behaviour.RateLimitedOnce:
                foreach (var id in ids)
                {
                    Behaviours.TryRemove(new KeyValuePair<string, Behaviour>(id, Behaviour.RateLimitedOnce));
                }

                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "1";
                await context.Response.WriteAsync("{\"error\":\"API rate limit exceeded\"}");
                return;
            case Behaviour.Malformed:
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("<html><body><h1>Service temporarily unavailable</h1></body></html>");
                return;
        }

        var fasta = new StringBuilder();
        foreach (var id in ids)
        {
            if (Sequences.TryGetValue(id, out var sequence))
            {
                fasta.Append('>').Append(id).Append(".1 fluorescent protein [synthetic construct]\n");
                for (var i = 0; i < sequence.Length; i += 70)
                {
                    fasta.Append(sequence.AsSpan(i, Math.Min(70, sequence.Length - i))).Append('\n');
                }

                fasta.Append('\n');
            }
        }

        context.Response.ContentType = "text/plain";
        await context.Response.WriteAsync(fasta.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var accession in _gates.Keys)
        {
            Release(accession);
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

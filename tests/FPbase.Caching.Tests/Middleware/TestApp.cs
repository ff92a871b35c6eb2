using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Encodings.Web;
using FPbase.Caching.Versions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FPbase.Caching.Tests.Middleware;

/// <summary>
/// A minimal web application on TestServer with the revalidation shortcut first, the caching middleware after routing
/// and authentication, and a few cached endpoints that count how often they really run. Its "database" is a
/// dictionary the tests edit.
/// </summary>
internal sealed class TestApp : IAsyncDisposable
{
    public const string UserHeader = "X-Test-User";

    private readonly ConcurrentDictionary<string, int> _invocations = new(StringComparer.Ordinal);

    private TestApp()
    {
    }

    public WebApplication App { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>The widgets the endpoints serve: id to name.</summary>
    public ConcurrentDictionary<int, string> Widgets { get; } = new(new Dictionary<int, string> { [1] = "one", [2] = "two" });

    /// <summary>The row version each <c>/rows/{id}</c> read reports.</summary>
    public ConcurrentDictionary<int, string> RowVersions { get; } = new(new Dictionary<int, string> { [1] = "v1" });

    /// <summary>What each write to <c>/rows/{id}</c> was handed as the version its If-Match names (null: none).</summary>
    public ConcurrentQueue<string?> RowWrites { get; } = new();

    /// <summary>While closed, the <c>/slow</c> endpoint waits on it; replace it to hold the next build.</summary>
    public TaskCompletionSource Gate { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Requests for <c>/slow</c> that reached the caching middleware.</summary>
    public int SlowArrivals => _slowArrivals;

    private int _slowArrivals;

    /// <summary>For each build of <c>/slow-scoped</c>: whether its request's scope had been disposed under it.</summary>
    public ConcurrentQueue<bool> ScopeSeenByBuilds { get; } = new();

    /// <summary>For each <c>/slow-scoped</c> request: whether the pipeline returned before any build had finished.</summary>
    public ConcurrentQueue<bool> PipelinesEndedBeforeTheirBuild { get; } = new();

    public IResourceVersionStore Store => App.Services.GetRequiredService<IResourceVersionStore>();

    public int Invocations(string endpoint) => _invocations.GetValueOrDefault(endpoint);

    /// <summary>Requests that went past the revalidation shortcut into the rest of the pipeline.</summary>
    public int PipelineArrivals => _pipelineArrivals;

    private int _pipelineArrivals;

    public static async Task<TestApp> StartAsync(
        Action<HttpCachingOptions>? configure = null,
        Action<IServiceCollection>? services = null,
        Action<RevalidationShortcutOptions>? shortcut = null)
    {
        var test = new TestApp();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection([]);
        builder.Services.AddAuthentication("Test").AddScheme<AuthenticationSchemeOptions, HeaderAuthenticationHandler>("Test", null);
        builder.Services.AddHttpCaching(options =>
        {
            options.KeyPrefix = "t" + Guid.NewGuid().ToString("N");
            // A class of the test's own, so that which class answered shows in the header.
            options.FreshnessClasses["test-list"] = "public, no-cache, s-maxage=60";
            configure?.Invoke(options);
        });
        builder.Services.AddSingleton<HeaderQueryResolver>();
        builder.Services.AddScoped<ScopeProbe>();
        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseRevalidationShortcut(shortcut);
        app.Use((context, next) =>
        {
            Interlocked.Increment(ref test._pipelineArrivals);
            return next(context);
        });
        app.UseRouting();
        app.UseAuthentication();
        app.Use((context, next) =>
        {
            if (context.Request.Path == "/slow")
            {
                Interlocked.Increment(ref test._slowArrivals);
            }

            return next(context);
        });
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            finally
            {
                if (context.Request.Path == "/slow-scoped")
                {
                    test.PipelinesEndedBeforeTheirBuild.Enqueue(test.ScopeSeenByBuilds.IsEmpty);
                }
            }
        });
        app.UseHttpCaching();
        test.MapEndpoints(app);

        await app.StartAsync();
        test.App = app;
        test.Client = app.GetTestClient();
        return test;
    }

    private void MapEndpoints(WebApplication app)
    {
        // A list with a body large enough to compress.
        app.MapMethods("/widgets", ["GET", "HEAD", "POST"], (HttpContext context) =>
        {
            Count(context.Request.Method == "POST" ? "widgets-post" : "widgets");
            return Results.Json(Widgets.OrderBy(w => w.Key).Select(w => new { id = w.Key, name = w.Value, description = "A widget of the test model. " + new string('x', 200) }));
        }).CacheResources("widgets");

        // 100 KB of bytes that hardly compress, different for every id: payloads that fill a memory budget.
        app.MapGet("/blobs/{id:int}", (int id) =>
        {
            Count("blob");
            var bytes = new byte[100 * 1024];
            new Random(id).NextBytes(bytes);
            return Results.Bytes(bytes, "application/octet-stream");
        }).CacheResources("blobs");

        // What the endpoint sees of the query string: the canonical one (EchoQuery declares a, b, c=none and ü).
        app.MapGet("/echo-query", (HttpContext context) => Results.Text(context.Request.QueryString.Value ?? ""))
            .CacheResources(new CacheResourcesAttribute("widgets") { Name = "echo-query", Query = typeof(EchoQuery) });

        // The same resources under another name, in the test's own class.
        app.MapGet("/widgets-list", () => Results.Json(Widgets.Count))
            .CacheResources(new CacheResourcesAttribute("widgets") { Name = "widgets-list", FreshnessClass = "test-list" });

        // A freshness class chosen by the endpoint itself.
        app.MapGet("/widgets-nostore", () => Results.Json(Widgets.Count))
            .CacheResources(new CacheResourcesAttribute("widgets") { FreshnessClass = "no-store" });

        // One row: 404 when it does not exist.
        app.MapMethods("/widgets/{id}", ["GET", "HEAD"], (int id) =>
        {
            Count("widget");
            return Widgets.TryGetValue(id, out var name) ? Results.Json(new { id, name }) : Results.NotFound(new { id });
        }).CacheResources("widget:{id}");

        // One row with a concurrency token: reads report its version, writes record the version they are handed.
        app.MapMethods("/rows/{id}", ["GET", "HEAD", "PUT"], (HttpContext context, int id) =>
        {
            if (HttpMethods.IsPut(context.Request.Method))
            {
                RowWrites.Enqueue(context.IfMatchRowVersion());
                return Results.NoContent();
            }

            Count("row");
            if (!RowVersions.TryGetValue(id, out var version))
            {
                return Results.NotFound(new { id });
            }

            context.SetRepresentationVersion(version);
            return Results.Json(new { id, version });
        }).CacheResources(new CacheResourcesAttribute("row:{id}") { ConcurrencyToken = true });

        // Depends on who asks.
        app.MapGet("/me", (HttpContext context) =>
        {
            Count("me");
            return Results.Json(new { user = context.User.Identity?.Name ?? "anonymous", widgets = Widgets.Count });
        }).CacheResources(new CacheResourcesAttribute("widgets") { VaryByUser = true });

        // Waits for the test to open the gate.
        app.MapGet("/slow", async () =>
        {
            var gate = Gate.Task;
            Count("slow");
            await gate.WaitAsync(TimeSpan.FromSeconds(20));
            return Results.Json(new { widgets = Widgets.Count });
        }).CacheResources("slow");

        // Like /slow, but the build then looks at its request's scope, as a query on the request's DbContext would.
        app.MapGet("/slow-scoped", async (HttpContext context) =>
        {
            var scope = context.RequestServices.GetRequiredService<ScopeProbe>();
            var gate = Gate.Task;
            Count("slow-scoped");
            await gate.WaitAsync(TimeSpan.FromSeconds(20));
            ScopeSeenByBuilds.Enqueue(scope.Disposed);
            return Results.Json(new { widgets = Widgets.Count });
        }).CacheResources("slow");

        // A GraphQL-like endpoint: POST reads whose resources the request names (X-Query header).
        app.MapPost("/query", (HttpContext context) =>
        {
            Count("query");
            return Results.Json(new { query = context.Request.Headers["X-Query"].ToString(), widgets = Widgets.Count });
        }).CacheResources(new CacheResourcesAttribute { Resolver = typeof(HeaderQueryResolver), PostIsSafe = true });

        // A file result, as images are served: ASP.NET Core writes no body for a HEAD.
        app.MapMethods("/widgets.svg", ["GET", "HEAD"], () =>
        {
            Count("svg");
            return Results.Bytes(System.Text.Encoding.UTF8.GetBytes($"<svg><text>{Widgets.Count} widgets</text></svg>"), "image/svg+xml");
        }).CacheResources(new CacheResourcesAttribute("widgets") { Name = "widgets-svg" });

        // Not cached at all.
        app.MapGet("/plain", () => Results.Json(Widgets.Count));
    }

    private void Count(string endpoint) => _invocations.AddOrUpdate(endpoint, 1, static (_, n) => n + 1);

    public Task BumpAsync(params string[] resources) => Store.BumpAsync(resources, CancellationToken.None);

    /// <summary>Changes a setting of the HttpCaching section and reloads configuration, as an edited appsettings.json would.</summary>
    public void Reconfigure(string key, string? value)
    {
        var configuration = (IConfigurationRoot)App.Configuration;
        configuration[$"{HttpCachingOptions.SectionName}:{key}"] = value;
        configuration.Reload();
    }

    public HttpCachingOptions CurrentOptions => App.Services.GetRequiredService<IOptionsMonitor<HttpCachingOptions>>().CurrentValue;

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(method, path);
        configure?.Invoke(request);
        return Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string path, Action<HttpRequestMessage>? configure = null) => SendAsync(HttpMethod.Get, path, configure);

    public async ValueTask DisposeAsync()
    {
        Gate.TrySetResult();
        Client?.Dispose();
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }

    /// <summary>"widgets" or "widget:N" are reads of those resources, "widgets-pending" an unsettled one; anything else (a mutation) is not cacheable.</summary>
    private sealed class HeaderQueryResolver : IRequestResourceResolver
    {
        public ValueTask<ResolvedResources?> ResolveAsync(HttpContext context)
        {
            var query = context.Request.Headers["X-Query"].ToString();
            if (query == "widgets-pending")
            {
                // A passing state of the widgets that no bump will end (as a list still being computed).
                return ValueTask.FromResult<ResolvedResources?>(new ResolvedResources(["widgets"], "query=pending", Settled: false));
            }

            return ValueTask.FromResult(query.StartsWith("widget", StringComparison.Ordinal)
                ? new ResolvedResources([query], "query=" + query)
                : null);
        }
    }

    /// <summary>Authenticates whoever the X-Test-User header names; no header, no user.</summary>
    private sealed class HeaderAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(UserHeader, out var user) || string.IsNullOrEmpty(user))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user!), new Claim(ClaimTypes.Name, user!)], "Test");
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), "Test")));
        }
    }
}

internal static class HttpResponseExtensions
{
    public static string? ETag(this HttpResponseMessage response) => response.Headers.ETag?.ToString();

    /// <summary>The header as sent, not re-serialized by HttpClient's parser.</summary>
    public static string CacheControl(this HttpResponseMessage response)
        => response.Headers.NonValidated.TryGetValues("Cache-Control", out var values) ? values.ToString() : string.Empty;

    public static string Vary(this HttpResponseMessage response)
        => response.Headers.NonValidated.TryGetValues("Vary", out var values) ? values.ToString() : string.Empty;

    public static string? ContentEncoding(this HttpResponseMessage response) => response.Content.Headers.ContentEncoding.SingleOrDefault();

    public static void IfNoneMatch(this HttpRequestMessage request, params string[] lines)
    {
        foreach (var line in lines)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", line);
        }
    }
}

/// <summary>A scoped service that knows whether its scope has ended (as a request's DbContext is returned).</summary>
internal sealed class ScopeProbe : IDisposable
{
    public bool Disposed { get; private set; }

    public void Dispose() => Disposed = true;
}

/// <summary>The query parameters of <c>/echo-query</c>.</summary>
internal sealed class EchoQuery() : QueryParameters("a", "b", "c=none", "ü");

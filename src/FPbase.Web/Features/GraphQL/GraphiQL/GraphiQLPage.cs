using System.Text.Encodings.Web;
using FPbase.Web.Features.Shared;

namespace FPbase.Web.Features.GraphQL.GraphiQL;

/// <summary>
/// GraphiQL on a browser's <c>GET /graphql/</c>, as FPbase serves it (graphene-django's <c>GraphQLView(graphiql=True)</c>:
/// HTML when the client prefers it and did not ask for <c>?raw</c>, JSON otherwise, so scripts keep their JSON). GraphiQL
/// and React load from jsDelivr at the versions and Subresource Integrity hashes graphene-django 3.1 pins; the page starts
/// as a plain form (query, variables, a Run button that asks for the raw JSON), which GraphiQL replaces once its scripts
/// run, so the API stays usable offline and without JavaScript. The page holds no data: it is cached under the schema's
/// version, per query string (the form is filled from <c>query</c>, <c>variables</c> and <c>operationName</c>).
/// </summary>
internal static class GraphiQLPage
{
    /// <summary>The canonical query parameter that marks a request for the page; only <see cref="Wanted"/> sets it.</summary>
    public const string Parameter = "graphiql";

    private const string Html = "html";

    private static readonly IReadOnlyList<ContentNegotiation.Renderer> Renderers =
    [
        new("json", "application/json"),
        new(Html, "text/html"),
    ];

    /// <summary>Whether the client asks for the page: a GET or HEAD without <c>raw</c> whose <c>Accept</c> prefers HTML to JSON.</summary>
    public static bool Wanted(HttpRequest request)
        => (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !request.Query.ContainsKey("raw")
            && ContentNegotiation.Choose(request.Headers.Accept.ToString(), Renderers) == Html;

    /// <summary>Whether the request, its query string canonicalized by the caching middleware, is for the page.</summary>
    public static bool Requested(HttpRequest request) => !string.IsNullOrEmpty(request.Query[Parameter]);

    public static Task WriteAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var encoder = HtmlEncoder.Default;
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(
            Template
                .Replace("{{query}}", encoder.Encode(query["query"].ToString()), StringComparison.Ordinal)
                .Replace("{{variables}}", encoder.Encode(query["variables"].ToString()), StringComparison.Ordinal)
                .Replace("{{operationName}}", encoder.Encode(query["operationName"].ToString()), StringComparison.Ordinal),
            context.RequestAborted);
    }

    private const string Template = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <meta name="robots" content="noindex">
          <title>GraphiQL · FPbase GraphQL API</title>
          <link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/graphiql@2.4.7/graphiql.min.css" integrity="sha256-OsbM+LQHcnFHi0iH7AUKueZvDcEBoy/z4hJ7jx1cpsM=" crossorigin="anonymous">
          <style>
            html, body { height: 100%; margin: 0; }
            #graphiql { height: 100vh; }
            #graphiql form { max-width: 48rem; margin: 2rem auto; padding: 0 1rem; font-family: system-ui, sans-serif; }
            #graphiql textarea { display: block; width: 100%; font-family: ui-monospace, monospace; margin-bottom: 1rem; }
            #graphiql pre { white-space: pre-wrap; background: #f4f4f4; padding: .5rem; }
          </style>
        </head>
        <body>
          <div id="graphiql">
            <form method="get" action="/graphql/">
              <h1>FPbase GraphQL API</h1>
              <p>GraphiQL loads from cdn.jsdelivr.net. Without it (offline, or with scripts off), run a query here: the answer is the API's JSON.</p>
              <label for="query">Query</label>
              <textarea id="query" name="query" rows="12" required>{{query}}</textarea>
              <label for="variables">Variables (JSON, optional)</label>
              <textarea id="variables" name="variables" rows="3">{{variables}}</textarea>
              <input type="hidden" name="operationName" value="{{operationName}}">
              <input type="hidden" name="raw" value="1">
              <button type="submit">Run</button>
              <p>From a shell (GET and POST share ETags, so <code>If-None-Match</code> revalidates either):</p>
              <pre>curl -H 'Content-Type: application/json' -d '{"query": "{ proteins { name slug } }"}' https://this-site/graphql/</pre>
            </form>
          </div>
          <script src="https://cdn.jsdelivr.net/npm/react@17.0.2/umd/react.production.min.js" integrity="sha256-Ipu/TQ50iCCVZBUsZyNJfxrDk0E2yhaEIz0vqI+kFG8=" crossorigin="anonymous"></script>
          <script src="https://cdn.jsdelivr.net/npm/react-dom@17.0.2/umd/react-dom.production.min.js" integrity="sha256-nbMykgB6tsOFJ7OdVmPpdqMFVk4ZsqWocT6issAPUF0=" crossorigin="anonymous"></script>
          <script src="https://cdn.jsdelivr.net/npm/graphiql@2.4.7/graphiql.min.js" integrity="sha256-n/LKaELupC1H/PU6joz+ybeRJHT2xCdekEt6OYMOOZU=" crossorigin="anonymous"></script>
          <script>
            (function () {
              if (!window.React || !window.ReactDOM || !window.GraphiQL) {
                return;
              }
              var params = new URLSearchParams(location.search);
              function keep(name, value) {
                if (value) { params.set(name, value); } else { params.delete(name); }
                history.replaceState(null, "", location.pathname + "?" + params.toString());
              }
              ReactDOM.render(
                React.createElement(GraphiQL, {
                  fetcher: GraphiQL.createFetcher({ url: location.pathname }),
                  query: params.get("query") || undefined,
                  variables: params.get("variables") || undefined,
                  operationName: params.get("operationName") || undefined,
                  onEditQuery: function (value) { keep("query", value); },
                  onEditVariables: function (value) { keep("variables", value); },
                  defaultEditorToolsVisibility: true
                }),
                document.getElementById("graphiql"));
            })();
          </script>
        </body>
        </html>
        """;
}

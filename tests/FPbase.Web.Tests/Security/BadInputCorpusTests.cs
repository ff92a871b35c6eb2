using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using FPbase.Web.Features.Shared;
using FPbase.Web.Features.Shared.Filtering;
using FPbase.Web.Tests.Infrastructure;
using FPbase.Web.Tests.Routes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FPbase.Web.Tests.Security;

/// <summary>
/// Hostile input never breaks the site and never changes data: injection strings in every route parameter of
/// every GET route and in every query parameter the app reads, malformed conditional headers, and bad bodies,
/// content types and field values on the write routes all get a 4xx (or a correct 200/304), never a 5xx; the row
/// counts and the ETags of the main lists are the same afterwards.
/// </summary>
public sealed partial class BadInputCorpusTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    public static readonly string[] Injections =
    [
        "' OR 1=1 --",
        "\"; DROP TABLE proteins; --",
        "<script>alert(1)</script>",
        "../../etc/passwd",
        "..\\..\\windows\\win.ini",
        "\0",
        "a\0b",
        new string('x', 4000),
        "ünïcødé 蛍光 😀 \u202e",
        "%",
        "{{7*7}}${7*7}",
        "-1",
        "99999999999999999999999",
        "NaN",
        " ",
    ];

    /// <summary>
    /// In paths, NUL is refused before the app (Kestrel answers 400; the test server throws), so it is tried in
    /// query strings and bodies only.
    /// </summary>
    private static readonly string[] PathInjections = [.. Injections.Where(i => !i.Contains('\0', StringComparison.Ordinal))];

    private static readonly string[] OwnQueryParameters =
        ["format", "q", "query", "variables", "operationName", "xlim", "fill", "transparent", "grid", "title", "xlabels", "page", "limit", "s", "display", "type", "c", "p"];

    [Fact]
    public async Task InjectionStringsInEveryRouteParameterOfEveryGetRouteAreNeverA5xx()
    {
        var snapshot = await SnapshotAsync();
        using var client = site.App.CreateClient();
        var failures = new List<string>();
        foreach (var template in GetTemplates().Where(t => t.Contains('{', StringComparison.Ordinal)))
        {
            foreach (var injection in PathInjections)
            {
                var url = Parameter().Replace(template, Uri.EscapeDataString(injection));
                await ExpectNoServerErrorAsync(client, url, failures);
                await ExpectNoServerErrorAsync(client, url + "/", failures);
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    [Fact]
    public async Task InjectionStringsInEveryQueryParameterAreNeverA5xx()
    {
        var snapshot = await SnapshotAsync();
        using var client = site.App.CreateClient();
        var failures = new List<string>();
        var filters = ProteinFilters.Set.Filters.Select(f => f.Name).ToList();
        var urls = new List<string>();
        foreach (var name in filters.Concat(OwnQueryParameters))
        {
            foreach (var injection in Injections)
            {
                urls.Add($"/api/proteins/?{name}={Uri.EscapeDataString(injection)}");
            }
        }

        foreach (var url in await SampleUrlsAsync())
        {
            var separator = url.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            foreach (var name in OwnQueryParameters.Append(filters[0]))
            {
                foreach (var injection in Injections)
                {
                    urls.Add($"{url}{separator}{name}={Uri.EscapeDataString(injection)}");
                }
            }
        }

        // Thousands of requests, most waiting on the database: a few at a time, as several clients would send them.
        await Parallel.ForEachAsync(urls, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (url, _) => await ExpectNoServerErrorAsync(client, url, failures));

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    [Fact]
    public async Task MalformedConditionalHeadersAreNeverA5xx()
    {
        string[] validators = ["\"unterminated", "W/", "W/\"", "*", "garbage, \"x\"", "\"" + new string('e', 5000) + "\"", "\"a\"\"b\"", ",,,", "\"\0\""];
        using var client = site.App.CreateClient();
        var failures = new List<string>();
        foreach (var url in await SampleUrlsAsync())
        {
            foreach (var header in new[] { "If-None-Match", "If-Match" })
            {
                foreach (var value in validators)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, url);
                    if (!request.Headers.TryAddWithoutValidation(header, value))
                    {
                        continue;
                    }

                    using var response = await client.SendAsync(request);
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"GET {url} {header}: {value[..Math.Min(value.Length, 20)]} -> {(int)response.StatusCode}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task BadBodiesContentTypesAndFieldValuesOnTheWriteRoutesAre4xxAndChangeNothing()
    {
        var snapshot = await SnapshotAsync();
        using var staff = await site.App.CreateBearerClientAsync(await site.App.CreateStaffAsync());
        var microscope = await site.App.WithDbAsync(db => db.Microscopes.OrderBy(m => m.Id).Select(m => m.Id).FirstAsync());
        var config = await site.App.WithDbAsync(db => db.OpticalConfigs.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        var failures = new List<string>();
        var jsonRoutes = new (HttpMethod Method, string Url)[]
        {
            (HttpMethod.Post, "/api/spectra/"),
            (HttpMethod.Post, "/api/microscopes/"),
            (HttpMethod.Put, $"/api/microscopes/{microscope}/"),
            (HttpMethod.Post, $"/api/microscopes/{microscope}/optical-configs/"),
            (HttpMethod.Put, $"/api/optical-configs/{config}/"),
        };

        string[] malformed = ["{\"name\":", "[]", "null", "\"text\"", "{\"name\": 12, \"filters\": {}}", "{\"data\": [[\"a\", \"b\"]]}", "{\"data\": 1e999}", "\u0000", "{\"name\":\"x\",\"laser\":1e40,\"extra_lasers\":[1e40]}"];
        foreach (var (method, url) in jsonRoutes)
        {
            foreach (var body in malformed)
            {
                await ExpectClientErrorAsync(staff.Http, method, url, new StringContent(body, Encoding.UTF8, "application/json"), failures);
            }

            await ExpectClientErrorAsync(staff.Http, method, url, new StringContent("{\"name\":\"x\"}", Encoding.UTF8, "text/plain"), failures);
            await ExpectClientErrorAsync(staff.Http, method, url, new StringContent("<name>x</name>", Encoding.UTF8, "application/xml"), failures);
            await ExpectClientErrorAsync(staff.Http, method, url, new ByteArrayContent(new byte[2 * 1024 * 1024]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } }, failures, HttpStatusCode.RequestEntityTooLarge);

            foreach (var injection in Injections)
            {
                // Every field gets the string; an invalid laser/data keeps free-text fields from being stored.
                var fields = new Dictionary<string, object?>
                {
                    ["owner"] = injection, ["category"] = injection, ["subtype"] = injection, ["reference"] = injection,
                    ["solvent"] = injection, ["source"] = injection, ["data"] = new[] { new double[] { 400, 1 } },
                    ["name"] = injection, ["description"] = injection, ["comments"] = injection, ["light"] = injection, ["camera"] = injection,
                    ["laser"] = 5000, ["extra_lasers"] = new[] { 5000 },
                    ["filters"] = new[] { new Dictionary<string, object> { ["filter"] = injection, ["path"] = injection } },
                };
                await ExpectClientErrorAsync(staff.Http, method, url, System.Net.Http.Json.JsonContent.Create(fields), failures);
            }
        }

        foreach (var injection in PathInjections)
        {
            var escaped = Uri.EscapeDataString(injection);
            foreach (var (method, url) in new (HttpMethod, string)[]
            {
                (HttpMethod.Post, $"/api/spectra/{escaped}/approve/"),
                (HttpMethod.Post, $"/api/spectra/{escaped}/reject/"),
                (HttpMethod.Post, $"/api/proteins/{escaped}/hide/"),
                (HttpMethod.Post, $"/api/proteins/{escaped}/unhide/"),
                (HttpMethod.Post, $"/api/proteins/{escaped}/favourite/"),
                (HttpMethod.Delete, $"/api/proteins/{escaped}/favourite/"),
                (HttpMethod.Put, $"/api/microscopes/{escaped}/"),
                (HttpMethod.Delete, $"/api/microscopes/{escaped}/"),
                (HttpMethod.Post, $"/api/microscopes/{escaped}/optical-configs/"),
                (HttpMethod.Put, $"/api/optical-configs/{escaped}/"),
                (HttpMethod.Delete, $"/api/optical-configs/{escaped}/"),
                (HttpMethod.Post, $"/moderation/spectra/{escaped}/approve/"),
            })
            {
                await ExpectClientErrorAsync(staff.Http, method, url, System.Net.Http.Json.JsonContent.Create(new { name = "x" }), failures);
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    [Fact]
    public async Task InjectionStringsInTheSubmitFormAre400sAndChangeNothing()
    {
        var snapshot = await SnapshotAsync();
        using var browser = await site.App.LoginAsync(await site.App.CreateEditorAsync());
        var failures = new List<string>();
        foreach (var injection in PathInjections)
        {
            var fields = new Dictionary<string, string>
            {
                ["Owner"] = injection, ["Category"] = injection, ["Subtype"] = injection, ["Data"] = injection,
                ["Reference"] = injection, ["Ph"] = injection, ["Solvent"] = injection, ["Source"] = injection,
            };
            var response = await browser.PostFormAsync("/spectra/submit/", fields);
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                failures.Add($"form with {injection[..Math.Min(injection.Length, 20)]}: {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    [Fact]
    public async Task InjectionStringsInTheStaffFormAreClear4xxsAndGrantNothing()
    {
        using var staff = await site.App.LoginAsync(await site.App.CreateStaffAsync());
        var staffCount = await StaffCountAsync();
        var failures = new List<string>();
        foreach (var injection in PathInjections)
        {
            foreach (var fields in new Dictionary<string, string>[] { new() { ["User"] = injection, ["Action"] = "grant" }, new() { ["User"] = staff.User!.Email, ["Action"] = injection } })
            {
                var response = await staff.PostFormAsync("/staff/cache/staff/", fields, formPage: "/staff/cache/");
                if ((int)response.StatusCode is not (400 or 404))
                {
                    failures.Add($"staff form with {injection[..Math.Min(injection.Length, 20)]}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(staffCount, await StaffCountAsync());
    }

    private Task<int> StaffCountAsync() => site.App.WithDbAsync(db => db.UserRoles.CountAsync(r => r.RoleId == db.Roles.Single(role => role.Name == FPbase.Data.Identity.Roles.Staff).Id));

    /// <summary>
    /// A NUL in any field of a posted form: ASP.NET Core's form reader refuses it (InvalidDataException inside the
    /// antiforgery check), which must be a 400, like any unreadable form, not a 500.
    /// </summary>
    [Fact]
    public async Task ANulCharacterInAPostedFormIsA400NotA500()
    {
        var snapshot = await SnapshotAsync();
        using var browser = await site.App.LoginAsync(await site.App.CreateEditorAsync());
        var response = await browser.PostFormAsync("/spectra/submit/", new() { ["Owner"] = "a\0b", ["Category"] = "p" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    /// <summary>
    /// The shapes of a denial-of-service attempt (issue 9): fragment bombs, deep and wide JSON, 10,000 query
    /// parameters, a 64 KB header, a 10 MB body. Each is refused or answered with a bounded amount of work: a 4xx or
    /// a correct 200/304, never a 5xx, nothing changed. (Slow bodies need Kestrel's data rate: bench/hostile.)
    /// </summary>
    [Fact]
    public async Task HostileShapesAreRefusedOrAnsweredNeverA5xx()
    {
        var snapshot = await SnapshotAsync();
        using var client = site.App.CreateClient();
        using var editor = await site.App.CreateBearerClientAsync(await site.App.CreateEditorAsync());
        var failures = new List<string>();

        // 30 fragments, each spreading the next twice: 2^30 selections once expanded.
        var bomb = new StringBuilder("query{...F1}");
        for (var i = 1; i < 30; i++)
        {
            bomb.Append(System.Globalization.CultureInfo.InvariantCulture, $" fragment F{i} on Query{{...F{i + 1} ...F{i + 1}}}");
        }

        bomb.Append(" fragment F30 on Query{__typename}");
        var bombJson = System.Text.Json.JsonSerializer.Serialize(new { query = bomb.ToString() });
        await ExpectClientErrorAsync(client, HttpMethod.Post, "/graphql/", new StringContent(bombJson, Encoding.UTF8, "application/json"), failures, HttpStatusCode.BadRequest);
        await ExpectClientErrorAsync(client, HttpMethod.Get, "/graphql/?query=" + Uri.EscapeDataString(bomb.ToString()), new ByteArrayContent([]), failures, HttpStatusCode.BadRequest);

        var deep = new string('[', 10_000) + new string(']', 10_000);
        var deepObject = string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000);
        var wide = "{" + string.Join(",", Enumerable.Range(0, 60_000).Select(i => $"\"k{i}\":1")) + "}";
        var notUnicode = "{\"query\":\"\\udc00\",\"name\":\"\\ud800\",\"variables\":{\"a\":\"\\udc00\"}}";
        foreach (var body in new[] { deep, deepObject, wide, "{\"query\":\"{__typename}\",\"variables\":" + deepObject + "}", notUnicode })
        {
            await ExpectClientErrorAsync(client, HttpMethod.Post, "/graphql/", new StringContent(body, Encoding.UTF8, "application/json"), failures);
            await ExpectClientErrorAsync(editor.Http, HttpMethod.Post, "/api/microscopes/", new StringContent(body, Encoding.UTF8, "application/json"), failures);
            await ExpectClientErrorAsync(editor.Http, HttpMethod.Post, "/api/spectra/", new StringContent(body, Encoding.UTF8, "application/json"), failures);
        }

        await ExpectClientErrorAsync(client, HttpMethod.Post, "/graphql/", new ByteArrayContent(new byte[10 * 1024 * 1024]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } }, failures, HttpStatusCode.RequestEntityTooLarge);
        await ExpectClientErrorAsync(editor.Http, HttpMethod.Post, "/api/microscopes/", new ByteArrayContent(new byte[10 * 1024 * 1024]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } }, failures, HttpStatusCode.RequestEntityTooLarge);

        var manyParameters = string.Join("&", Enumerable.Range(0, 10_000).Select(i => $"p{i}={i}"));
        foreach (var url in await SampleUrlsAsync())
        {
            await ExpectNoServerErrorAsync(client, url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + manyParameters, failures);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("X-Padding", new string('a', 64 * 1024));
            request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "same-origin");
            using var response = await client.SendAsync(request);
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"GET {url} with a 64 KB header: {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    private static async Task ExpectNoServerErrorAsync(HttpClient client, string url, List<string> failures)
    {
        using var response = await client.GetAsync(url);
        if ((int)response.StatusCode >= 500)
        {
            lock (failures)
            {
                failures.Add($"GET {url[..Math.Min(url.Length, 120)]}: {(int)response.StatusCode}");
            }
        }
    }

    private static async Task ExpectClientErrorAsync(HttpClient client, HttpMethod method, string url, HttpContent content, List<string> failures, HttpStatusCode? exactly = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        if (status is < 400 or >= 500 || (exactly is { } expected && response.StatusCode != expected))
        {
            failures.Add($"{method} {url[..Math.Min(url.Length, 120)]} ({content.Headers.ContentType?.MediaType}): {status} {(await response.Content.ReadAsStringAsync())[..Math.Min(200, (int)(response.Content.Headers.ContentLength ?? 0))]}");
        }
    }

    private IEnumerable<string> GetTemplates()
        => site.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(HttpMethods.Get) ?? true)
            .Select(e => e.RoutePattern.RawText ?? "")
            .Select(t => t.StartsWith('/') ? t : "/" + t)
            .Distinct(StringComparer.Ordinal);

    private async Task<List<string>> SampleUrlsAsync()
    {
        var values = await site.App.WithDbAsync(SampleValues.LoadAsync);
        return GetTemplates()
            .SelectMany(t => RouteSamples.ByTemplate.TryGetValue(t, out var samples) ? samples(values) : t.Contains('{', StringComparison.Ordinal) ? [] : [t])
            .ToList();
    }

    /// <summary>Row counts of everything the write routes touch, and the ETags of the main lists and a page.</summary>
    private async Task<string> SnapshotAsync()
    {
        var counts = await site.App.WithDbAsync(async db => string.Join(",",
            await db.Proteins.CountAsync(),
            await db.Proteins.CountAsync(p => p.Status == FPbase.Data.Entities.ProteinStatus.Hidden),
            await db.Spectra.IgnoreQueryFilters().CountAsync(),
            await db.Spectra.CountAsync(),
            await db.Microscopes.CountAsync(),
            await db.Microscopes.SumAsync(m => m.Name.Length),
            await db.OpticalConfigs.CountAsync(),
            await db.FilterPlacements.CountAsync(),
            await db.ProteinFavourites.CountAsync()));
        using var client = site.App.CreateClient();
        var etags = new List<string?>();
        foreach (var url in new[] { "/api/spectra-list/", "/api/proteins/", "/api/optical-configs-list/", "/protein/egfp/" })
        {
            using var response = await client.GetAsync(url);
            etags.Add(response.Headers.ETag?.Tag);
        }

        return counts + " " + string.Join(" ", etags);
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}

using System.Net;
using System.Net.Http.Headers;
using FPbase.Web.Tests.Infrastructure;

namespace FPbase.Web.Tests.Editing.Proteins;

/// <summary>
/// Who must see an edit on their next request: an anonymous client and two different logged-in users (cookie
/// sessions). <see cref="ETagsAsync"/> asks each of them for each URL, so a page refreshed for one user only
/// (FPbase PR #440) shows up as a difference between witnesses.
/// </summary>
internal sealed class EditWitnesses : IDisposable
{
    private readonly List<(string Who, HttpClient Client, IDisposable? Owner)> _clients;

    private EditWitnesses(List<(string, HttpClient, IDisposable?)> clients) => _clients = clients;

    public static async Task<EditWitnesses> CreateAsync(FpbaseApplication app)
    {
        var first = await app.LoginAsync(await app.CreateEditorAsync());
        var second = await app.LoginAsync(await app.CreateEditorAsync());
        return new EditWitnesses(
        [
            ("anonymous", app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), null),
            ("user 1", first.Http, first),
            ("user 2", second.Http, second),
        ]);
    }

    /// <summary>The ETag every witness gets for every URL, keyed "who url".</summary>
    public async Task<Dictionary<string, string>> ETagsAsync(params string[] urls)
    {
        var etags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (who, client, _) in _clients)
        {
            foreach (var url in urls)
            {
                using var response = await client.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{who}: GET {url} answered {(int)response.StatusCode}");
                etags[$"{who} {url}"] = response.Headers.ETag?.Tag ?? throw new Xunit.Sdk.XunitException($"{url} has no ETag.");
            }
        }

        return etags;
    }

    /// <summary>Asserts that, for every witness, exactly the <paramref name="changed"/> URLs have a new ETag and the <paramref name="unchanged"/> ones do not.</summary>
    public static void AssertChanged(Dictionary<string, string> before, Dictionary<string, string> after, string[] changed, string[] unchanged)
    {
        foreach (var key in before.Keys)
        {
            var url = key[(key.IndexOf('/', StringComparison.Ordinal))..];
            if (changed.Contains(url))
            {
                Assert.True(before[key] != after[key], $"{key}: the ETag should have changed");
            }
            else if (unchanged.Contains(url))
            {
                Assert.True(before[key] == after[key], $"{key}: the ETag should not have changed");
            }
        }

        // Public pages: every witness sees the same version.
        foreach (var group in after.GroupBy(e => e.Key[(e.Key.IndexOf('/', StringComparison.Ordinal))..]))
        {
            Assert.Single(group.Select(e => e.Value).Distinct());
        }
    }

    public static HttpRequestMessage Json(HttpMethod method, string url, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = System.Net.Http.Json.JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }

        return request;
    }

    public void Dispose()
    {
        foreach (var (_, client, owner) in _clients)
        {
            if (owner is null)
            {
                client.Dispose();
            }
            else
            {
                owner.Dispose();
            }
        }
    }
}

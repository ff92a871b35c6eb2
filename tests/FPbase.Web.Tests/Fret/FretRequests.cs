using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace FPbase.Web.Tests.Fret;

/// <summary>What the FRET tests ask the site: the list as JSON, waited for until it says what the test waits for.</summary>
internal static class FretRequests
{
    /// <summary>
    /// GETs <c>/api/fret/</c> until <paramref name="until"/> holds (each GET that finds no list for the current
    /// versions wakes the worker), for at most <paramref name="timeout"/> (default 60 s: the machine is shared).
    /// </summary>
    public static async Task<FretList> WaitForListAsync(HttpClient client, Func<FretList, bool> until, TimeSpan? timeout = null)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var list = await GetListAsync(client);
            if (until(list))
            {
                return list;
            }

            if (watch.Elapsed > (timeout ?? TimeSpan.FromSeconds(60)))
            {
                throw new Xunit.Sdk.XunitException($"/api/fret/ still says {list.State} (version {list.Version}) after {watch.Elapsed.TotalSeconds:F0} s.");
            }

            await Task.Delay(100);
        }
    }

    public static Task<FretList> WaitForCurrentAsync(HttpClient client, string? after = null)
        => WaitForListAsync(client, l => l.State == "current" && l.Version != after);

    public static async Task<FretList> GetListAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync("/api/fret/" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return new FretList(
            json.GetProperty("state").GetString()!,
            json.GetProperty("version").GetString(),
            json.GetProperty("computingVersion").GetString(),
            json.GetProperty("count").GetInt32(),
            json.GetProperty("data").EnumerateArray().Select(Row).ToList(),
            response.Headers.ETag?.Tag);
    }

    public static FretRow Row(JsonElement row) => new(
        row.GetProperty("donor").GetProperty("slug").GetString()!,
        row.GetProperty("acceptor").GetProperty("slug").GetString()!,
        row.GetProperty("donorQY").GetDouble(),
        row.GetProperty("overlap").GetDouble(),
        row.GetProperty("forster").GetDouble());
}

/// <summary>What a test reads of <c>/api/fret/</c>.</summary>
internal sealed record FretList(string State, string? Version, string? ComputingVersion, int Count, IReadOnlyList<FretRow> Rows, string? ETag)
{
    public FretRow? Find(string donor, string acceptor) => Rows.FirstOrDefault(r => r.Donor == donor && r.Acceptor == acceptor);
}

internal sealed record FretRow(string Donor, string Acceptor, double DonorQy, double Overlap, double Forster);

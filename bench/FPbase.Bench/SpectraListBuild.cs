using System.Text.Json;
using FPbase.Caching.Payloads;
using FPbase.Data;
using FPbase.Web.Features.Spectra.List;
using Microsoft.EntityFrameworkCore;

/// <summary>
/// What a payload-cache miss of the spectra list does, as the middleware's build does it (projection, JSON, both
/// compressions), and the bare SQL projection it is measured against: one home for the main benchmark and bench/scale.
/// </summary>
internal sealed class SpectraListBuild(string postgres)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly DbContextOptions<FpbaseDbContext> _options = new DbContextOptionsBuilder<FpbaseDbContext>().UseNpgsql(postgres).Options;

    public async Task<IReadOnlyList<SpectraListItem>> QueryAsync()
    {
        await using var db = new FpbaseDbContext(_options);
        return await SpectraListQuery.LoadAsync(db, CancellationToken.None);
    }

    public async Task<PayloadEntry> ColdBuildAsync()
    {
        var items = await QueryAsync();
        var body = JsonSerializer.SerializeToUtf8Bytes(new SpectraListResponse(new SpectraListData(items)), Json);
        return PayloadCompressor.Create(BenchBuffers.Pool, "application/json; charset=utf-8", body);
    }

    public static async Task<double> MedianMsAsync(Func<Task> work, int iterations)
        => (await Timing.SortedSamplesAsync(work, iterations, warmUp: 3))[iterations / 2];

    /// <summary>bench/scale's row: spectra, bare ms, cold ms, identity, gzip and br bytes (tab-separated).</summary>
    public static async Task<int> ScaleRowAsync(string postgres, int iterations)
    {
        var build = new SpectraListBuild(postgres);
        var bare = await MedianMsAsync(async () => await build.QueryAsync(), iterations);
        var cold = await MedianMsAsync(async () => await build.ColdBuildAsync(), iterations);
        var entry = await build.ColdBuildAsync();
        var count = (await build.QueryAsync()).Count;
        Console.WriteLine(string.Join('\t', count, bare.ToString("F1", System.Globalization.CultureInfo.InvariantCulture), cold.ToString("F1", System.Globalization.CultureInfo.InvariantCulture), entry.Identity.Length, entry.Gzip.Length, entry.Brotli.Length));
        return 0;
    }
}

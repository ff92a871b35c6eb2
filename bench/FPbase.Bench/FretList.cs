using System.Diagnostics;
using System.Text.Json;
using FPbase.Caching.Payloads;
using FPbase.Data;
using FPbase.Data.Domain.Fret;
using FPbase.Data.Seeding;
using FPbase.Web.Features.Fret;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

/// <summary>
/// bench/fret: what the FRET calculator's background worker spends on the whole Förster list at the default seed
/// size, on a PostgreSQL database seeded like the site's (seeded here when empty): the read of every protein's
/// default state and spectra, the maths (<see cref="ForsterList.Compute"/>, one thread), both together as the
/// worker runs them, and what the first request for <c>/api/fret/</c> then costs (JSON + gzip + Brotli).
/// </summary>
internal static class FretList
{
    public static async Task<int> RunAsync(string postgres, int iterations)
    {
        var options = new DbContextOptionsBuilder<FpbaseDbContext>().UseNpgsql(postgres).Options;
        await using (var db = new FpbaseDbContext(options))
        {
            await DatabaseInitializer.InitializeAsync(db, new SeedOptions(), NullLogger.Instance);
        }

        async Task<List<FretFluor>> Load()
        {
            await using var db = new FpbaseDbContext(options);
            return await FretFluorQuery.LoadAllAsync(db, CancellationToken.None);
        }

        var fluors = await Load();
        var pairs = ForsterList.Compute(fluors);
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var snapshot = new ForsterListSnapshot("bench", pairs, FretPickerOptions.Of(fluors), TimeSpan.Zero);
        var view = new FretListView(FretListState.Current, snapshot, "bench");
        byte[] Serialize() => JsonSerializer.SerializeToUtf8Bytes(FretListResponse.Of(view, 1), json);

        var load = await Timing.SortedSamplesAsync(async () => await Load(), iterations, warmUp: 2);
        var compute = await Timing.SortedSamplesAsync(() => { ForsterList.Compute(fluors); return Task.CompletedTask; }, iterations, warmUp: 2);
        var whole = await Timing.SortedSamplesAsync(async () => ForsterList.Compute(await Load()), iterations, warmUp: 2);
        var entry = PayloadCompressor.Create(BenchBuffers.Pool, "application/json; charset=utf-8", Serialize());
        var build = await Timing.SortedSamplesAsync(() => { PayloadCompressor.Create(BenchBuffers.Pool, "application/json; charset=utf-8", Serialize()); return Task.CompletedTask; }, Math.Max(3, iterations / 3), warmUp: 1);

        var listable = fluors.Count(f => f.Protein.Listable && f.Emission is not null);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        ForsterList.Compute(fluors);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Console.WriteLine("### Timings at the default seed");
        Console.WriteLine();
        Console.WriteLine($"Default seed: {fluors.Count:N0} proteins with a default state, {listable:N0} listable (monomeric, basic, with an emission spectrum); "
            + $"{pairs.Length:N0} pairs. {Environment.ProcessorCount} cores; the maths runs on one thread.");
        Console.WriteLine();
        Console.WriteLine($"| what ({iterations} runs) | p50 ms | max ms |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| read: every default state and its spectra (2 SQL queries) | {Timing.Percentile(load, 0.5):F1} | {load[^1]:F1} |");
        Console.WriteLine($"| maths: every pair (`ForsterList.Compute`) | {Timing.Percentile(compute, 0.5):F1} | {compute[^1]:F1} |");
        Console.WriteLine($"| **the worker's whole step (read + maths)** | **{Timing.Percentile(whole, 0.5):F1}** | {whole[^1]:F1} |");
        Console.WriteLine($"| first request of a page of `/api/fret/` after it ({FretListParameters.PageSize:N0} pairs: JSON + gzip + br, {build.Length} runs) | {Timing.Percentile(build, 0.5):F1} | {build[^1]:F1} |");
        Console.WriteLine();
        Console.WriteLine($"The maths allocates {allocated / 1024.0 / 1024.0:F1} MiB for {pairs.Length:N0} pairs ({(pairs.Length == 0 ? 0 : allocated / (double)pairs.Length):F0} bytes a pair: "
            + "the result array, allocated once at its final size, and two shared buffers; nothing per pair). "
            + $"A page of `/api/fret/` ({FretListResponse.PagesOf(pairs.Length)} pages): JSON {entry.Identity.Length:N0} bytes, gzip {entry.Gzip.Length:N0}, br {entry.Brotli.Length:N0}.");
        return 0;
    }
}

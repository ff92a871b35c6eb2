using System.IO.Compression;
using FPbase.Caching.Payloads;

// Usage: FPbase.Bench <postgres connection string> [iterations]
//        FPbase.Bench bump <redis endpoint> [iterations]
//        FPbase.Bench fret <postgres connection string> [iterations]          (see bench/fret)
//        FPbase.Bench hostile --pid <site pid> --base <url> [options]   (see bench/hostile/run)
//        FPbase.Bench peer-limit|peer-outputcache <url> <payload folder>  (see bench/peers/run)
//        FPbase.Bench scale-row <postgres connection string> [iterations]  (see bench/scale)
// Times, on the database the site uses, what a payload-cache miss of the spectra list costs
// (query + JSON + compression, as the middleware's build does) against the bare SQL projection,
// and what each compression level costs on the real payload; or (bump) what the bump protocol adds
// to a write (BumpLatency); or (hostile) what a running site does under a hostile mix (Hostile).
// Prints a Markdown report.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: FPbase.Bench <postgres connection string> [iterations] | FPbase.Bench bump <redis endpoint> [iterations] | FPbase.Bench hostile --pid PID --base URL [...]");
    return 2;
}

if (args[0] == "peer-limit")
{
    return await FPbase.Bench.Peers.LimitServer.RunAsync(args[1], args[2]);
}

if (args[0] == "peer-outputcache")
{
    return await FPbase.Bench.Peers.OutputCacheServer.RunAsync(args[1], args[2]);
}

if (args[0] == "hostile-reader")
{
    return await HostileReaderProcess.RunChildAsync(args[1..]);
}

if (args[0] == "hostile")
{
    return await Hostile.RunAsync(args[1..]);
}

if (args[0] == "fret")
{
    return await FretList.RunAsync(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10);
}

if (args[0] == "bump")
{
    return await BumpLatency.RunAsync(
        args.Length > 1 ? args[1] : "127.0.0.1:6379",
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 2000,
        args.Skip(3).ToList());
}

if (args[0] == "scale-row")
{
    return await SpectraListBuild.ScaleRowAsync(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10);
}

var iterations = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 30;
var build = new SpectraListBuild(args[0]);
Task<IReadOnlyList<FPbase.Web.Features.Spectra.List.SpectraListItem>> Query() => build.QueryAsync();
Task<FPbase.Caching.Payloads.PayloadEntry> ColdBuild() => build.ColdBuildAsync();
static Task<double> MedianMs(Func<Task> work, int iterations) => SpectraListBuild.MedianMsAsync(work, iterations);

var bare = await MedianMs(async () => await Query(), iterations);
var cold = await MedianMs(async () => await ColdBuild(), iterations);
var entry = await ColdBuild();

Console.WriteLine("### Cold build of the spectra list");
Console.WriteLine();
Console.WriteLine($"Spectra: {(await Query()).Count:N0}; JSON {entry.Identity.Length:N0} bytes, gzip {entry.Gzip.Length:N0}, br {entry.Brotli.Length:N0}.");
Console.WriteLine();
Console.WriteLine("| what | median ms |");
Console.WriteLine("|---|---|");
Console.WriteLine($"| bare SQL projection | {bare:F1} |");
Console.WriteLine($"| cold build (projection + JSON + gzip + br q{PayloadCompressor.BrotliQuality}) | {cold:F1} |");
Console.WriteLine();
Console.WriteLine($"**cold build / bare projection = {cold / bare:F2}x** (goal <= 2x)");
Console.WriteLine();

Console.WriteLine("### Compression levels on the spectra list");
Console.WriteLine();
Console.WriteLine("| coding | level | median ms | bytes |");
Console.WriteLine("|---|---|---|---|");
var identity = entry.Identity;
foreach (var quality in new[] { 4, 5, 6, 7, 9, 11 })
{
    var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(identity.Length)];
    var written = 0;
    var ms = await MedianMs(() => { BrotliEncoder.TryCompress(identity, buffer, out written, quality, 22); return Task.CompletedTask; }, quality == 11 ? 3 : 10);
    Console.WriteLine($"| br | {quality} | {ms:F1} | {written:N0} |");
}

foreach (var level in new[] { CompressionLevel.Fastest, CompressionLevel.Optimal, CompressionLevel.SmallestSize })
{
    long size = 0;
    var ms = await MedianMs(() =>
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, level, leaveOpen: true))
        {
            gzip.Write(identity);
        }

        size = output.Length;
        return Task.CompletedTask;
    }, 10);
    Console.WriteLine($"| gzip | {level} | {ms:F1} | {size:N0} |");
}

return 0;

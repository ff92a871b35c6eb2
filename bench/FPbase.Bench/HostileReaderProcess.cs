using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

/// <summary>
/// The normal reader in a process of its own, for the mix: the reader inside the driver shares the driver's
/// thread pool with 28 attacking clients, and under saturation its latency was mostly the driver's own queueing
/// (p99 327 ms inside, 39 ms from a separate process in the same mix). This one is what the goal is measured on;
/// the one inside the driver is still reported. Child mode: <c>FPbase.Bench hostile-reader --base URL --address IP
/// --rate N --seconds S [--same-origin] --path P...</c>, which prints its samples as JSON on stdout.
/// </summary>
internal static class HostileReaderProcess
{
    /// <summary>Runs a reader process for <paramref name="seconds"/> and returns its samples (phase "mix").</summary>
    public static async Task<IReadOnlyList<HostileReader.Sample>> RunAsync(
        Uri baseUri, IReadOnlyList<string> paths, IPAddress address, double rate, double seconds, bool sameOrigin)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { typeof(HostileReaderProcess).Assembly.Location, "hostile-reader", "--base", baseUri.ToString(), "--address", address.ToString(), "--rate", rate.ToString(CultureInfo.InvariantCulture), "--seconds", seconds.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        if (sameOrigin)
        {
            start.ArgumentList.Add("--same-origin");
        }

        foreach (var path in paths)
        {
            start.ArgumentList.Add("--path");
            start.ArgumentList.Add(path);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the reader process");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"the reader process exited with {process.ExitCode}");
        }

        return JsonSerializer.Deserialize<List<HostileReader.Sample>>(output) ?? [];
    }

    /// <summary>Child mode.</summary>
    public static async Task<int> RunChildAsync(string[] args)
    {
        Uri? baseUri = null;
        var address = IPAddress.Loopback;
        double rate = 5, seconds = 60;
        var sameOrigin = false;
        var paths = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--base": baseUri = new Uri(Next()); break;
                case "--address": address = IPAddress.Parse(Next()); break;
                case "--rate": rate = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--same-origin": sameOrigin = true; break;
                case "--path": paths.Add(Next()); break;
                default: throw new ArgumentException($"unknown argument {args[i]}");
            }
        }

        var reader = new HostileReader(baseUri ?? throw new ArgumentException("--base is required"), paths, sameOrigin, address);
        await reader.PrimeAsync();
        reader.Phase = "mix";
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        await reader.RunAsync(rate, stop.Token);
        Console.Out.Write(JsonSerializer.Serialize(reader.Samples("mix").ToList()));
        return 0;
    }
}

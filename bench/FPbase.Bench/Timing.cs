using System.Diagnostics;

/// <summary>The one timing loop of the in-process benchmarks (warm up, then time each run, sorted) and the one way to read a percentile off sorted samples.</summary>
internal static class Timing
{
    public static async Task<double[]> SortedSamplesAsync(Func<Task> work, int iterations, int warmUp)
    {
        for (var i = 0; i < warmUp; i++)
        {
            await work(); // JIT, connection pools, query plans
        }

        var samples = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var watch = Stopwatch.StartNew();
            await work();
            samples[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(samples);
        return samples;
    }

    /// <summary>The value at quantile <paramref name="q"/> (0..1) of sorted samples: index n·q, as every report reads it; NaN when there are none.</summary>
    public static double Percentile(double[] sorted, double q)
        => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * q))];
}

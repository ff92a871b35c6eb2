using System.Diagnostics;

/// <summary>The one timing loop of the in-process benchmarks: warm up, then time each run, sorted.</summary>
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
}

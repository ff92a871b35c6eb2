using FPbase.Caching.Payloads;

/// <summary>The builds' pool the benchmarks compress with, sized as the site's default budget sizes it.</summary>
internal static class BenchBuffers
{
    public static readonly PayloadBuffers Pool = new(PayloadBuffers.LargestFreeBytes);
}

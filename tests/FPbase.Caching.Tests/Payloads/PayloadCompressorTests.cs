using System.IO.Compression;
using System.Text;
using FPbase.Caching.Payloads;

namespace FPbase.Caching.Tests.Payloads;

/// <summary>
/// A payload is compressed once per version; what that leaves behind on the large-object heap is garbage the
/// hostile mix showed piling up far past the payload budget between full collections. Only the bytes kept may be
/// allocated: the scratch space comes from a bounded pool.
/// </summary>
public sealed class PayloadCompressorTests
{
    private static readonly PayloadBuffers Buffers = new(PayloadBuffers.LargestFreeBytes);

    private static byte[] Json(int approximateBytes)
    {
        var text = new StringBuilder();
        var random = new Random(42);
        text.Append('[');
        while (text.Length < approximateBytes)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{{\"id\":{random.Next(100000)},\"name\":\"protein-{random.Next(5000)}\",\"ex\":{random.Next(350, 700)}}},");
        }

        text.Append("{}]");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    [Fact]
    public void CompressingALargePayloadAllocatesLittleMoreThanTheBytesItKeeps()
    {
        // Just under the size from which the two codings run on two threads: this thread allocates everything.
        var identity = Json(PayloadCompressor.ParallelFromBytes - 4096);
        PayloadCompressor.Create(Buffers, "application/json", identity); // warms the pool, as every build after the first finds it

        var before = GC.GetAllocatedBytesForCurrentThread();
        var entry = PayloadCompressor.Create(Buffers, "application/json", identity);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var kept = entry.Gzip.Length + entry.Brotli.Length;
        Assert.True(allocated < kept + 64 * 1024, $"allocated {allocated:N0} bytes to keep {kept:N0}");
    }

    [Theory]
    [InlineData(300_000)]
    [InlineData(PayloadCompressor.ParallelFromBytes + 500_000)]
    public void BothCodingsDecompressToTheIdentityBytesAndAreTheSameEveryTime(int size)
    {
        var identity = Json(size);

        var entry = PayloadCompressor.Create(Buffers, "application/json", identity);

        using (var gzip = new GZipStream(new MemoryStream(entry.Gzip), CompressionMode.Decompress))
        using (var copy = new MemoryStream())
        {
            gzip.CopyTo(copy);
            Assert.Equal(identity, copy.ToArray());
        }

        using (var brotli = new BrotliStream(new MemoryStream(entry.Brotli), CompressionMode.Decompress))
        using (var copy = new MemoryStream())
        {
            brotli.CopyTo(copy);
            Assert.Equal(identity, copy.ToArray());
        }

        var again = PayloadCompressor.Create(Buffers, "application/json", identity);
        Assert.Equal(entry.Brotli, again.Brotli);
        Assert.Equal(entry.Gzip, again.Gzip);
    }
}

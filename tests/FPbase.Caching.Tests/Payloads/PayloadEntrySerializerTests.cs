using System.Buffers;
using System.IO.Compression;
using System.Text;
using FPbase.Caching.Http;
using FPbase.Caching.Payloads;

namespace FPbase.Caching.Tests.Payloads;

public sealed class PayloadEntrySerializerTests
{
    private static byte[] Serialize(PayloadEntry entry)
    {
        var buffer = new ArrayBufferWriter<byte>();
        new PayloadEntrySerializer().Serialize(entry, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    private static PayloadEntry Deserialize(byte[] bytes) => new PayloadEntrySerializer().Deserialize(new ReadOnlySequence<byte>(bytes));

    [Fact]
    public void AnEntryComesBackByteForByte()
    {
        var random = new Random(1234);
        var gzip = new byte[70_000];
        random.NextBytes(gzip);
        var entry = new PayloadEntry("application/json; charset=utf-8; note=µ", Encoding.UTF8.GetBytes("""{"name":"EGFP"}"""), gzip, [], "3f2c9a");

        var copy = Deserialize(Serialize(entry));

        Assert.Equal(entry.ContentType, copy.ContentType);
        Assert.Equal("3f2c9a", copy.RowVersion);
        Assert.Null(Deserialize(Serialize(new PayloadEntry("text/plain", [1], [2], [3]))).RowVersion);
        Assert.Equal(entry.Identity, copy.Identity);
        Assert.Equal(entry.Gzip, copy.Gzip);
        Assert.Equal(entry.Brotli, copy.Brotli);
    }

    [Fact]
    public void AnEntrySplitAcrossBufferSegmentsComesBackToo()
    {
        var entry = PayloadCompressor.Create(new PayloadBuffers(PayloadBuffers.LargestFreeBytes), "text/plain", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("fluorescent ", 500))));
        var bytes = Serialize(entry);

        var copy = new PayloadEntrySerializer().Deserialize(Segmented(bytes, 7));

        Assert.Equal(entry.Identity, copy.Identity);
        Assert.Equal(entry.Gzip, copy.Gzip);
        Assert.Equal(entry.Brotli, copy.Brotli);
    }

    [Fact]
    public void AnUnknownFormatByteIsAnErrorNotAPayload()
    {
        var bytes = Serialize(new PayloadEntry("text/plain", [1, 2, 3], [4], [5]));
        bytes[0] = 1; // format 1 had no row version: read as a miss, never as an entry without one

        Assert.Throws<InvalidDataException>(() => Deserialize(bytes));
        Assert.Throws<InvalidDataException>(() => Deserialize([]));
    }

    [Fact]
    public void ATruncatedEntryIsAnError()
    {
        var bytes = Serialize(new PayloadEntry("text/plain", [1, 2, 3], [4, 5], [6, 7]));
        Assert.Throws<InvalidDataException>(() => Deserialize(bytes[..^1]));
        Assert.Throws<InvalidDataException>(() => Deserialize(bytes[..5]));
    }

    [Fact]
    public void TheCompressedBodiesDecompressToTheIdentityBody()
    {
        var identity = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 2000).Select(i => $"{{\"id\":{i},\"name\":\"protein {i}\"}},")));
        var entry = PayloadCompressor.Create(new PayloadBuffers(PayloadBuffers.LargestFreeBytes), "application/json", identity);

        Assert.Equal(identity, entry.Body(ContentCoding.Identity));
        Assert.Equal(identity, Decompress(new GZipStream(new MemoryStream(entry.Body(ContentCoding.Gzip)), CompressionMode.Decompress)));
        Assert.Equal(identity, Decompress(new BrotliStream(new MemoryStream(entry.Body(ContentCoding.Brotli)), CompressionMode.Decompress)));
        Assert.True(entry.Gzip.Length < identity.Length && entry.Brotli.Length < identity.Length);
    }

    private static byte[] Decompress(Stream stream)
    {
        using (stream)
        {
            using var output = new MemoryStream();
            stream.CopyTo(output);
            return output.ToArray();
        }
    }

    private static ReadOnlySequence<byte> Segmented(byte[] bytes, int size)
    {
        Segment? first = null, last = null;
        for (var at = 0; at < bytes.Length; at += size)
        {
            var chunk = bytes.AsMemory(at, Math.Min(size, bytes.Length - at));
            last = last is null ? first = new Segment(chunk, 0) : last.Append(chunk);
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}

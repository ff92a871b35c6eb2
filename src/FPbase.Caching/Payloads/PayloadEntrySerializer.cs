using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Microsoft.Extensions.Caching.Hybrid;

namespace FPbase.Caching.Payloads;

/// <summary>
/// The payload's form in Redis: a format byte, then content type, the three bodies and the row version (empty for
/// none), each length-prefixed. An unknown format byte (also format 1, which had no row version) reads as a
/// miss-worthy error, never as wrong bytes.
/// </summary>
internal sealed class PayloadEntrySerializer : IHybridCacheSerializer<PayloadEntry>
{
    private const byte Format = 2;

    public PayloadEntry Deserialize(ReadOnlySequence<byte> source)
    {
        var reader = new SequenceReader<byte>(source);
        if (!reader.TryRead(out var format) || format != Format)
        {
            throw new InvalidDataException("Unknown payload format.");
        }

        var contentType = Encoding.UTF8.GetString(ReadBlock(ref reader));
        var identity = ReadBlock(ref reader);
        var gzip = ReadBlock(ref reader);
        var brotli = ReadBlock(ref reader);
        var rowVersion = Encoding.UTF8.GetString(ReadBlock(ref reader));
        return new PayloadEntry(contentType, identity, gzip, brotli, rowVersion.Length == 0 ? null : rowVersion);
    }

    public void Serialize(PayloadEntry value, IBufferWriter<byte> target)
    {
        target.GetSpan(1)[0] = Format;
        target.Advance(1);
        WriteBlock(target, Encoding.UTF8.GetBytes(value.ContentType));
        WriteBlock(target, value.Identity);
        WriteBlock(target, value.Gzip);
        WriteBlock(target, value.Brotli);
        WriteBlock(target, Encoding.UTF8.GetBytes(value.RowVersion ?? string.Empty));
    }

    private static byte[] ReadBlock(ref SequenceReader<byte> reader)
    {
        if (!reader.TryReadLittleEndian(out int length) || length < 0 || reader.Remaining < length)
        {
            throw new InvalidDataException("Truncated payload.");
        }

        var block = new byte[length];
        reader.TryCopyTo(block);
        reader.Advance(length);
        return block;
    }

    private static void WriteBlock(IBufferWriter<byte> target, ReadOnlySpan<byte> block)
    {
        BinaryPrimitives.WriteInt32LittleEndian(target.GetSpan(4), block.Length);
        target.Advance(4);
        target.Write(block);
    }
}

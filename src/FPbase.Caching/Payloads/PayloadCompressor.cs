using System.Buffers;
using System.IO.Compression;

namespace FPbase.Caching.Payloads;

/// <summary>
/// Compresses a payload once, when it is built. Levels are fixed rather than "fast now, better
/// later": a strong ETag promises identical bytes, so the bytes behind one tag may never change.
/// Measured on the 1.3 MB spectra list (docs/performance.md): Brotli quality 11 takes over a second,
/// quality 6 a few tens of milliseconds for a body within about a third of it; gzip's optimal level
/// is similar. A rebuild after an edit therefore never stalls.
/// </summary>
internal static class PayloadCompressor
{
    internal const int BrotliQuality = 6;
    private const int BrotliWindow = 22;

    /// <summary>Bodies from this size on are compressed to gzip and Brotli at once, on two threads.</summary>
    internal const int ParallelFromBytes = 1024 * 1024;

    public static PayloadEntry Create(PayloadBuffers buffers, string contentType, byte[] identity, string? rowVersion = null)
    {
        if (identity.Length < ParallelFromBytes)
        {
            return new(contentType, identity, Gzip(buffers, identity), Brotli(buffers, identity), rowVersion);
        }

        // A large list's first reader waits for both codings: side by side they take the longer one's time, not the
        // sum (the 100,000-spectra list: docs/performance.md, bench/scale). Parallel.Invoke runs one on this thread
        // and runs the other here too if no pool thread has taken it, so a busy pool delays nothing.
        byte[] gzip = [], brotli = [];
        Parallel.Invoke(() => gzip = Gzip(buffers, identity), () => brotli = Brotli(buffers, identity));
        return new(contentType, identity, gzip, brotli, rowVersion);
    }

    private static byte[] Gzip(PayloadBuffers buffers, byte[] data)
    {
        using var output = buffers.Rent();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return PayloadBuffers.ToArray(output);
    }

    private static byte[] Brotli(PayloadBuffers buffers, byte[] data)
    {
        // The encoder writes block by block into pooled memory (one call with the final flag is the one-shot
        // encoding, without a scratch buffer of the identity's size).
        using var output = buffers.Rent();
        using var encoder = new BrotliEncoder(BrotliQuality, BrotliWindow);
        ReadOnlySpan<byte> source = data;
        OperationStatus status;
        do
        {
            status = encoder.Compress(source, output.GetSpan(), out var consumed, out var written, isFinalBlock: true);
            if (status is OperationStatus.InvalidData)
            {
                throw new InvalidOperationException("Brotli compression failed.");
            }

            output.Advance(written);
            source = source[consumed..];
        }
        while (status != OperationStatus.Done);

        return PayloadBuffers.ToArray(output);
    }
}

using System.Buffers;
using Microsoft.IO;

namespace FPbase.Caching.Payloads;

/// <summary>
/// Scratch space for building payloads: the captured response body and the compressors' output, in pooled 64 KiB
/// blocks (below the large-object threshold) instead of growing arrays. A build used to leave several times its
/// payload's size behind on the large-object heap (a <see cref="MemoryStream"/> doubling up to 2 MB, a Brotli buffer
/// of the identity's size), garbage that piled up far past the payload budget between full collections under a
/// stream of builds. Only the exact-size arrays a <see cref="PayloadEntry"/> keeps are allocated now.
/// </summary>
/// <remarks>
/// Bounded: at most <see cref="MaximumFreeBytes"/> of free blocks are kept for the next build; blocks beyond it go
/// back to the garbage collector. Contiguous ("large") buffers are never asked for, and none are pooled. The free
/// blocks are part of the payload budget (<see cref="HttpCachingOptions.PayloadMemoryBytes"/>): the memory cache
/// gets the budget less <see cref="FreeBytesFor"/>, so that the entries and the pool together stay within it.
/// </remarks>
internal sealed class PayloadBuffers
{
    internal const int BlockSize = 64 * 1024;

    /// <summary>The pool's share of the budget: a sixteenth, at most 16 MiB (a dozen concurrent builds of the 1.3 MB spectra list).</summary>
    internal const long LargestFreeBytes = 16L * 1024 * 1024;

    private readonly RecyclableMemoryStreamManager _manager;

    public PayloadBuffers(long maximumFreeBytes)
    {
        MaximumFreeBytes = maximumFreeBytes;
        _manager = new RecyclableMemoryStreamManager(new RecyclableMemoryStreamManager.Options
        {
            BlockSize = BlockSize,
            MaximumSmallPoolFreeBytes = maximumFreeBytes,
            // Not 0, which would keep every large buffer ever made.
            MaximumLargePoolFreeBytes = 1,
            AggressiveBufferReturn = true,
        });
    }

    /// <summary>The most free block bytes this pool keeps.</summary>
    public long MaximumFreeBytes { get; }

    /// <summary>The free blocks a payload budget of <paramref name="payloadMemoryBytes"/> leaves to the pool.</summary>
    public static long FreeBytesFor(long payloadMemoryBytes) => Math.Min(LargestFreeBytes, payloadMemoryBytes / 16);

    /// <summary>An empty pooled stream; dispose it to return its blocks.</summary>
    public RecyclableMemoryStream Rent() => _manager.GetStream();

    /// <summary>The stream's bytes as one exact-size array (what an entry keeps).</summary>
    public static byte[] ToArray(RecyclableMemoryStream stream) => stream.GetReadOnlySequence().ToArray();
}

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
/// back to the garbage collector. Contiguous ("large") buffers are never asked for, and none are pooled.
/// </remarks>
internal static class PayloadBuffers
{
    internal const int BlockSize = 64 * 1024;
    internal const long MaximumFreeBytes = 32L * 1024 * 1024;

    private static readonly RecyclableMemoryStreamManager Manager = new(new RecyclableMemoryStreamManager.Options
    {
        BlockSize = BlockSize,
        MaximumSmallPoolFreeBytes = MaximumFreeBytes,
        // Not 0, which would keep every large buffer ever made.
        MaximumLargePoolFreeBytes = 1,
        AggressiveBufferReturn = true,
    });

    /// <summary>An empty pooled stream; dispose it to return its blocks.</summary>
    public static RecyclableMemoryStream Rent() => Manager.GetStream();

    /// <summary>The stream's bytes as one exact-size array (what an entry keeps).</summary>
    public static byte[] ToArray(RecyclableMemoryStream stream) => stream.GetReadOnlySequence().ToArray();
}

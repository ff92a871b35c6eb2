using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.FileProviders;

namespace FPbase.Caching.Http;

/// <summary>
/// The default <see cref="HttpCachingOptions.FormatVersion"/>: what, besides the data, decides the
/// bytes of a payload. A hash over the module version id of every managed assembly in the
/// application's folder (the app, its libraries, every package: a changed method body or package
/// version changes it; deterministic builds keep it the same for the same source) and over the
/// content of every file under the web root (pages embed asset URLs and hashes). Two instances of
/// one deploy agree on it; a rolling deploy never serves two builds' bytes under one strong ETag.
/// </summary>
internal static class PayloadFormat
{
    public static string Compute(string applicationDirectory, IFileProvider? webRoot)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in Directory.EnumerateFiles(applicationDirectory, "*.dll").Order(StringComparer.Ordinal))
        {
            if (ModuleVersionId(path) is { } mvid)
            {
                hash.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(path)));
                hash.AppendData(mvid.ToByteArray());
            }
        }

        if (webRoot is not null)
        {
            AppendDirectory(hash, webRoot, string.Empty);
        }

        return Convert.ToHexString(hash.GetHashAndReset(), 0, 12).ToLowerInvariant();
    }

    private static Guid? ModuleVersionId(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                return null;
            }

            var reader = pe.GetMetadataReader();
            return reader.GetGuid(reader.GetModuleDefinition().Mvid);
        }
        catch (BadImageFormatException)
        {
            // A native library: its file name and size stand for it.
            return new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"{Path.GetFileName(path)}:{new FileInfo(path).Length}"))[..16]);
        }
    }

    private static void AppendDirectory(IncrementalHash hash, IFileProvider files, string path)
    {
        foreach (var entry in files.GetDirectoryContents(path).OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var child = path.Length == 0 ? entry.Name : path + "/" + entry.Name;
            if (entry.IsDirectory)
            {
                AppendDirectory(hash, files, child);
                continue;
            }

            hash.AppendData(Encoding.UTF8.GetBytes(child));
            using var stream = entry.CreateReadStream();
            hash.AppendData(SHA256.HashData(stream));
        }
    }
}

namespace FPbase.Bench.Peers;

/// <summary>
/// The payload every peer serves: the site's own spectra list in its three codings, with the site's ETag for
/// each, written by bench/peers/run into one folder (spectra-list.json, .json.gz, .json.br and etags.tsv).
/// Serving the same bytes under the same validators makes the servers' answers the same size on the wire.
/// </summary>
internal sealed record PeerPayload(string Coding, byte[] Bytes, string ETag);

internal sealed class PeerPayloads
{
    private PeerPayloads(PeerPayload identity, PeerPayload gzip, PeerPayload brotli)
        => (Identity, Gzip, Brotli) = (identity, gzip, brotli);

    public PeerPayload Identity { get; }

    public PeerPayload Gzip { get; }

    public PeerPayload Brotli { get; }

    public static PeerPayloads Load(string folder)
    {
        var etags = File.ReadAllLines(Path.Combine(folder, "etags.tsv"))
            .Select(line => line.Split('\t'))
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);
        PeerPayload Read(string coding, string file) => new(coding, File.ReadAllBytes(Path.Combine(folder, file)), etags[coding]);
        return new PeerPayloads(Read("identity", "spectra-list.json"), Read("gzip", "spectra-list.json.gz"), Read("br", "spectra-list.json.br"));
    }

    /// <summary>Brotli when the client takes it, else gzip, else identity (q-values are not weighed: wrk sends one coding).</summary>
    public PeerPayload For(string? acceptEncoding) => acceptEncoding switch
    {
        null or "" => Identity,
        var value when value.Contains("br", StringComparison.OrdinalIgnoreCase) => Brotli,
        var value when value.Contains("gzip", StringComparison.OrdinalIgnoreCase) => Gzip,
        _ => Identity,
    };
}

using System.Security.Cryptography;
using System.Text;

namespace FPbase.Web.Features.Proteins.GenBank;

/// <summary>
/// What GenBank holds for one accession: its amino-acid sequence (a nucleotide record translated), or null when a
/// well-formed Entrez answer did not contain it. <see cref="Fingerprint"/> names the content, so that a fragment built
/// from it gets an ETag that changes whenever the record does, on every instance alike.
/// </summary>
public sealed record GenBankRecord(string Accession, string? Sequence)
{
    public bool Found => Sequence is not null;

    public string Fingerprint { get; } = Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes(Accession + "\n" + (Sequence ?? "-"))).AsSpan(0, 12));
}

using System.Globalization;
using Microsoft.Extensions.Options;

namespace FPbase.Web.Features.Proteins.GenBank;

/// <summary>
/// One batched <c>efetch</c> (FASTA, as FPbase asks for it) through the named <see cref="HttpClientName"/> client, whose
/// resilience pipeline (GenBankHostingExtensions) times out, retries with jitter or after the server's Retry-After, and
/// breaks the circuit. A nucleotide record is translated.
/// </summary>
internal sealed class EntrezClient(IHttpClientFactory clients, IOptionsMonitor<GenBankOptions> options)
{
    public const string HttpClientName = "entrez";

    /// <summary>The sequences Entrez returned, by accession without version; an accession it did not return is absent.</summary>
    public async Task<Dictionary<string, string>> FetchAsync(EntrezDatabase database, IReadOnlyCollection<string> accessions, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        var db = database == EntrezDatabase.Protein ? "protein" : "nuccore";
        var query = $"efetch.fcgi?db={db}&id={Uri.EscapeDataString(string.Join(',', accessions))}&rettype=fasta&retmode=text&tool={Uri.EscapeDataString(o.Tool)}"
            + (string.IsNullOrWhiteSpace(o.Email) ? "" : "&email=" + Uri.EscapeDataString(o.Email))
            + (string.IsNullOrWhiteSpace(o.ApiKey) ? "" : "&api_key=" + Uri.EscapeDataString(o.ApiKey));
        var client = clients.CreateClient(HttpClientName);
        using var response = await client.GetAsync(new Uri(o.BaseUri, query), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                string.Create(CultureInfo.InvariantCulture, $"Entrez answered {(int)response.StatusCode} for {accessions.Count} {db} accessions"), null, response.StatusCode);
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var records = Fasta.Parse(text);
        return database == EntrezDatabase.Protein
            ? records.ToDictionary(r => r.Key, r => r.Value.Trim('*'), StringComparer.Ordinal)
            : records.ToDictionary(r => r.Key, r => CodonTable.Translate(r.Value), StringComparer.Ordinal);
    }
}

using FPbase.Caching;
using Microsoft.Extensions.Options;

namespace FPbase.Web.Features.Proteins.GenBank;

/// <summary>
/// The GenBank fragment's variant is the record it shows: the record kept for the route's accession (or one landing
/// within the page budget) is handed to the endpoint, and its <see cref="GenBankRecord.Fingerprint"/> joins the
/// protein's versions in the ETag and payload key. So a cached fragment can never outlive the record it shows, and two
/// instances holding different fetches of one accession never share an ETag. No record yet: null, and the request is
/// answered uncached ("not available yet", 202). It starts no fetch: only the endpoint does, once it has checked that
/// the accession is the protein's.
/// </summary>
internal sealed class GenBankFragmentResolver(GenBankSequences sequences, IOptionsMonitor<GenBankOptions> options) : IRequestResourceResolver
{
    public async ValueTask<ResolvedResources?> ResolveAsync(HttpContext context)
    {
        if (!GenBankAccession.TryParse(context.Request.RouteValues["accession"] as string, out var accession, out _))
        {
            return null;
        }

        var lookup = await sequences.GetAsync(accession, options.CurrentValue.PageBudget, start: false, context.RequestAborted).ConfigureAwait(false);
        if (lookup.Record is not { } record)
        {
            return null;
        }

        context.Items[typeof(GenBankRecord)] = record;
        return new ResolvedResources([], "genbank=" + record.Fingerprint);
    }
}

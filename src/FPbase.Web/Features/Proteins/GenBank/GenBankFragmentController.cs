using FPbase.Caching;
using FPbase.Data;
using FPbase.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Proteins.GenBank;

/// <summary>
/// <c>/protein/{slug}/genbank/{accession}/</c>: the protein page's GenBank part, a small document of its own that the
/// page embeds (an iframe: no script needed), so the shared, cached page never waits for Entrez. It compares the
/// protein's sequence with the GenBank record (FPbase's check), cached under the protein's versions and the record's
/// fingerprint (<see cref="GenBankFragmentResolver"/>). Without the record within the budget it answers 202 "not
/// available yet", uncached, with Retry-After and a refresh, and has the record fetched. An accession that is not the
/// protein's is a 404 (nothing is fetched for it).
/// </summary>
public sealed class GenBankFragmentController(FpbaseDbContext db) : Controller
{
    internal const string RetryAfterSeconds = "3";

    [HttpGet("/protein/{slug:nonblank}/genbank/{accession:nonblank}/")]
    [HttpHead("/protein/{slug:nonblank}/genbank/{accession:nonblank}/")]
    [CacheResources(CacheDependencies.ProteinBySlug, Name = "protein-genbank", Resolver = typeof(GenBankFragmentResolver))]
    public async Task<IActionResult> Fragment(string slug, string accession, CancellationToken cancellationToken)
    {
        var lower = slug.ToLowerInvariant();
        var protein = await db.Proteins.AsNoTracking()
            .Where(p => p.Slug == lower && p.Status != ProteinStatus.Hidden)
            .Select(p => new { p.Name, p.Seq, p.Genbank })
            .FirstOrDefaultAsync(cancellationToken);
        if (protein is null
            || !GenBankAccession.TryParse(protein.Genbank, out var own, out _)
            || !GenBankAccession.TryParse(accession, out var asked, out _)
            || own != asked)
        {
            return Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found",
                detail: $"No protein '{slug}' has the GenBank accession '{accession}'.");
        }

        const string view = "~/Features/Proteins/GenBank/GenBank.cshtml";
        if (HttpContext.Items[typeof(GenBankRecord)] is GenBankRecord record)
        {
            return View(view, new GenBankFragment(protein.Name, own, record, SequenceComparison.Of(protein.Seq, record.Sequence), Failed: false));
        }

        // Not here within the budget: have it fetched (a no-op while in flight) and say so, uncached.
        var sequences = HttpContext.RequestServices.GetRequiredService<GenBankSequences>();
        sequences.Request(own);
        Response.Headers.RetryAfter = RetryAfterSeconds;
        var pending = View(view, new GenBankFragment(protein.Name, own, null, null, Failed: false));
        pending.StatusCode = StatusCodes.Status202Accepted;
        return pending;
    }
}

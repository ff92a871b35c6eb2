using FPbase.Caching;
using FPbase.Data;
using FPbase.Web.Features.Excerpts;
using FPbase.Web.Features.Proteins.GenBank;
using FPbase.Web.Features.Proteins.Popular;
using Microsoft.AspNetCore.Mvc;

namespace FPbase.Web.Features.Proteins.Page;

/// <summary>
/// FPbase's protein page, <c>/protein/{slug}/</c>, server-rendered and complete without JavaScript (the
/// spectra are inline SVG). Found by slug or, as FPbase does, by uuid (<c>/protein/R9NL8/</c> renders EGFP's
/// page: the uuid is a resource of its own, bumped with the slug). An alias redirects to the slug URL: a
/// redirect is never cached and carries no ETag, so an alias URL can never be answered 304.
/// The page depends on <c>protein:{slug}</c> only, so editing one protein never changes another's ETag. Its GenBank
/// comparison and its country-dependent links are documents of their own that it embeds (GenBank/, Regional/).
/// </summary>
public sealed class ProteinPageController(FpbaseDbContext db, ProteinNames names, GenBankSequences genBank) : Controller
{
    [HttpGet("/protein/{slug:nonblank}/")]
    [HttpHead("/protein/{slug:nonblank}/")]
    [CacheResources(CacheDependencies.ProteinBySlug, Name = "protein-page")]
    [CountsProteinView]
    public async Task<IActionResult> Detail(string slug, CancellationToken cancellationToken)
    {
        switch (await ProteinLookup.ResolveAsync(db, slug, cancellationToken))
        {
            case ProteinLookup.Found found when await ProteinPageQuery.LoadAsync(db, found.Id, cancellationToken) is { } page:
                // The GenBank fragment the page embeds will ask for this record: start fetching it now, without waiting.
                if (GenBankAccession.TryParse(page.Protein.Genbank, out var accession, out _))
                {
                    genBank.Request(accession);
                }

                return View("~/Features/Proteins/Page/Detail.cshtml", page with { Names = await names.LinkerAsync(db, cancellationToken) });
            case ProteinLookup.Alias alias:
                return Redirect($"/protein/{Uri.EscapeDataString(alias.Slug)}/");
            default:
                return Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: $"No protein matches '{slug}'.");
        }
    }
}

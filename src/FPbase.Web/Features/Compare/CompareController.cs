using FPbase.Caching;
using FPbase.Data;
using Microsoft.AspNetCore.Mvc;

namespace FPbase.Web.Features.Compare;

/// <summary>
/// FPbase's <c>/compare/{slug},{slug}[,...]/</c>: the proteins side by side (their default states' attributes) and
/// their spectra overlaid in one server-drawn SVG. At most <see cref="CompareSlugs.MaxProteins"/> slugs (more: 400
/// problem, nothing read); a slug that names no visible protein is a 404 problem naming it. It shows proteins,
/// states, organisms and spectra: the <c>proteins</c> and <c>spectra</c> lists.
/// </summary>
public sealed class CompareController(FpbaseDbContext db) : Controller
{
    [HttpGet("/compare/{proteins}/")]
    [HttpHead("/compare/{proteins}/")]
    [CacheResources(CacheDependencies.Proteins, CacheDependencies.Spectra, Name = "compare-page")]
    public async Task<IActionResult> Index(string proteins, CancellationToken cancellationToken)
    {
        if (CompareSlugs.Parse(proteins) is not { } slugs)
        {
            return Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Bad Request",
                detail: $"Expected 1 to {CompareSlugs.MaxProteins} protein slugs separated by commas, like /compare/egfp,mcherry/.");
        }

        var page = await CompareQuery.LoadAsync(db, slugs, cancellationToken);
        return page.Missing.Count > 0
            ? Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: $"No protein has the slug '{page.Missing[0]}'.")
            : View("~/Features/Compare/Index.cshtml", page);
    }
}

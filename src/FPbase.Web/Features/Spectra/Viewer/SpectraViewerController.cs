using FPbase.Caching;
using FPbase.Data;
using Microsoft.AspNetCore.Mvc;

namespace FPbase.Web.Features.Spectra.Viewer;

/// <summary>
/// The spectra viewer. The server renders what can be said without JavaScript (what the page is for
/// and how many spectra and owners there are); <c>wwwroot/js/viewer.js</c> then loads the spectra list,
/// revalidating it with its ETag on every visit, and plots the chosen spectra.
/// </summary>
[CacheResources(CacheDependencies.Spectra, Name = "spectra-viewer")]
public sealed class SpectraViewerController(FpbaseDbContext db) : Controller
{
    [HttpGet("/spectra/")]
    [HttpHead("/spectra/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
        => View("~/Features/Spectra/Viewer/Index.cshtml", await SpectraViewerCountsQuery.LoadAsync(db, cancellationToken));
}

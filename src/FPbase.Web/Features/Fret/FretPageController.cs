using FPbase.Caching;
using FPbase.Data;
using Microsoft.AspNetCore.Mvc;

namespace FPbase.Web.Features.Fret;

/// <summary>
/// FPbase's FRET calculator, <c>/fret/</c>: the Förster list the background worker computed (never computed here),
/// saying whether it is current or being recomputed, with a donor/acceptor picker that asks
/// <c>/api/fret/pair/</c> for one pair.
/// </summary>
[CacheResources(CacheDependencies.Spectra, CacheDependencies.Proteins, Name = "fret-page", Resolver = typeof(FretListResolver))]
public sealed class FretPageController : Controller
{
    [HttpGet("/fret/")]
    [HttpHead("/fret/")]
    public IActionResult Index() => View("~/Features/Fret/Index.cshtml", FretPage.Of(FretListView.Of(HttpContext)));
}

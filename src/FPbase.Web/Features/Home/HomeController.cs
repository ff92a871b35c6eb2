using FPbase.Caching;
using FPbase.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Home;

[CacheResources(CacheDependencies.Proteins, CacheDependencies.Spectra, CacheDependencies.Dyes, CacheDependencies.Filters,
    CacheDependencies.Microscopes, CacheDependencies.OpticalConfigs, CacheDependencies.References, Name = "home")]
public sealed class HomeController(FpbaseDbContext db) : Controller
{
    [HttpGet("/")]
    [HttpHead("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var counts = new HomeCounts(
            await db.Proteins.CountAsync(cancellationToken),
            await db.Spectra.CountAsync(cancellationToken),
            await db.Dyes.CountAsync(cancellationToken),
            await db.Filters.CountAsync(cancellationToken),
            await db.Microscopes.CountAsync(cancellationToken),
            await db.OpticalConfigs.CountAsync(cancellationToken),
            await db.References.CountAsync(cancellationToken));
        return View("~/Features/Home/Index.cshtml", counts);
    }
}

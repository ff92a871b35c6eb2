using FPbase.Caching;
using FPbase.Data;
using FPbase.Data.Popularity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Home;

/// <summary>
/// The home page. Its popular proteins come from this site's own page views (<see cref="CacheDependencies.Popular"/>,
/// bumped by each batched write of them): the page changes when views are written, a protein is renamed or hidden,
/// or anything it counts changes. The periods end on the day the page was built, which it says.
/// </summary>
[CacheResources(CacheDependencies.Proteins, CacheDependencies.Spectra, CacheDependencies.Dyes, CacheDependencies.Filters,
    CacheDependencies.Microscopes, CacheDependencies.OpticalConfigs, CacheDependencies.References, CacheDependencies.Popular, Name = "home")]
public sealed class HomeController(FpbaseDbContext db, TimeProvider time) : Controller
{
    private const int PopularShown = 10;

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
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var popular = new List<PopularPeriod>();
        foreach (var (name, days) in ProteinViews.Periods)
        {
            popular.Add(new PopularPeriod(name, days, await ProteinViews.TopAsync(db, today, days, PopularShown, cancellationToken)));
        }

        return View("~/Features/Home/Index.cshtml", new HomePage(counts, today, popular));
    }
}

using FPbase.Caching;
using FPbase.Data;
using Microsoft.AspNetCore.Mvc;

namespace FPbase.Web.Features.Proteins.Lineage;

/// <summary>
/// FPbase's <c>/lineage/</c>: every lineage tree, server-rendered as nested lists (the page needs no script; the
/// per-protein JSON stays <c>/ajax/lineage/{slug}/</c>). It shows proteins' names, lineage links and mutations and
/// the default states' colours: the <c>lineage</c> and <c>proteins</c> lists.
/// </summary>
public sealed class LineagePageController(FpbaseDbContext db) : Controller
{
    [HttpGet("/lineage/")]
    [HttpHead("/lineage/")]
    [CacheResources(CacheDependencies.Lineage, CacheDependencies.Proteins, Name = "lineage-page")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
        => View("~/Features/Proteins/Lineage/Index.cshtml", await LineageForestQuery.LoadAsync(db, cancellationToken));
}

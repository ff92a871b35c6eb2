using FPbase.Caching;
using FPbase.Data;
using Microsoft.AspNetCore.Mvc;

namespace FPbase.Web.Features.Lineage;

/// <summary>
/// FPbase's <c>/ajax/lineage/{slug}/</c>. The tree shows other proteins' names, states' colours and lineage
/// references' citations, so it depends on the <c>lineage</c>, <c>proteins</c> and <c>references</c> lists.
/// </summary>
public sealed class LineageController(FpbaseDbContext db) : ControllerBase
{
    [HttpGet("/ajax/lineage/{slug:nonblank}/")]
    [HttpHead("/ajax/lineage/{slug:nonblank}/")]
    [CacheResources(CacheDependencies.ProteinBySlug, CacheDependencies.Lineage, CacheDependencies.Proteins, CacheDependencies.References, Name = "lineage-json")]
    public async Task<IActionResult> Get(string slug, CancellationToken cancellationToken)
        => await LineageTreeQuery.LoadAsync(db, slug.ToLowerInvariant(), cancellationToken) is { } tree
            ? Ok(tree)
            : Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: $"'{slug}' is not in any lineage.");
}

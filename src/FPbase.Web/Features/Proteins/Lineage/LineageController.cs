using FPbase.Caching;
using FPbase.Data;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace FPbase.Web.Features.Proteins.Lineage;

/// <summary>
/// FPbase's <c>/ajax/lineage/{slug}/</c>. The tree shows other proteins' names, states' colours and lineage
/// references' citations, so it depends on the <c>lineage</c>, <c>proteins</c> and <c>references</c> lists.
/// </summary>
public sealed class LineageController(FpbaseDbContext db) : ControllerBase
{
    /// <summary>
    /// MVC's defaults, but deep enough for any lineage: each generation nests two levels (node, children), and
    /// MVC's limit of 32 failed trees of 15 generations. Trees are acyclic (<see cref="LineageTreeQuery"/>).
    /// </summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { MaxDepth = 2 * LineageTreeQuery.MaxGenerations + 8 };

    [HttpGet("/ajax/lineage/{slug:nonblank}/")]
    [HttpHead("/ajax/lineage/{slug:nonblank}/")]
    [CacheResources(CacheDependencies.ProteinBySlug, CacheDependencies.Lineage, CacheDependencies.Proteins, CacheDependencies.References, Name = "lineage-json")]
    public async Task<IActionResult> Get(string slug, CancellationToken cancellationToken)
        => await LineageTreeQuery.LoadAsync(db, slug.ToLowerInvariant(), cancellationToken) is { } tree
            ? new JsonResult(tree, Json)
            : Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: $"'{slug}' is not in any lineage.");
}

using FPbase.Caching;
using FPbase.Data;
using Microsoft.AspNetCore.Mvc;

namespace FPbase.Web.Features.Organisms;

/// <summary>
/// FPbase's organisms list (<c>/organisms/</c>, each with its number of proteins) and organism pages
/// (<c>/organism/{taxonomy id}/</c>, the proteins from it). Both show organisms and proteins: the
/// <c>organisms</c> and <c>proteins</c> lists (an organism's edit bumps both, a protein's edit bumps <c>proteins</c>).
/// </summary>
public sealed class OrganismController(FpbaseDbContext db) : Controller
{
    [HttpGet("/organisms/")]
    [HttpHead("/organisms/")]
    [CacheResources(CacheDependencies.Organisms, CacheDependencies.Proteins, Name = "organisms-page")]
    public async Task<IActionResult> List(CancellationToken cancellationToken)
        => View("~/Features/Organisms/List.cshtml", await OrganismQueries.ListAsync(db, cancellationToken));

    [HttpGet("/organism/{id:int}/")]
    [HttpHead("/organism/{id:int}/")]
    [CacheResources(CacheDependencies.Organisms, CacheDependencies.Proteins, Name = "organism-page")]
    public async Task<IActionResult> Detail(int id, CancellationToken cancellationToken)
        => await OrganismQueries.LoadAsync(db, id, cancellationToken) is { } page
            ? View("~/Features/Organisms/Detail.cshtml", page)
            : Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: $"No organism has the taxonomy id {id}.");
}

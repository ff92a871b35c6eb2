using FPbase.Caching;
using FPbase.Data;
using Microsoft.AspNetCore.Mvc;

namespace FPbase.Web.Features.References;

/// <summary>
/// FPbase's author page, <c>/reference/author/{id}/</c>: the author's references and the proteins they are the
/// primary reference of. Its literal <c>author</c> segment outranks the DOI catch-all <c>/reference/{**doi}</c>
/// (route precedence: a literal segment beats a catch-all), so the DOI route no longer takes it. An author's name
/// and references change with the <c>references</c> list (authors and their links bump it); the protein names with
/// <c>proteins</c>.
/// </summary>
public sealed class AuthorController(FpbaseDbContext db) : Controller
{
    [HttpGet("/reference/author/{id:int}/")]
    [HttpHead("/reference/author/{id:int}/")]
    [CacheResources(CacheDependencies.References, CacheDependencies.Proteins, Name = "author-page")]
    public async Task<IActionResult> Detail(int id, CancellationToken cancellationToken)
        => await AuthorQuery.LoadAsync(db, id, cancellationToken) is { } page
            ? View("~/Features/References/Author.cshtml", page)
            : Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: $"No author has the id {id}.");
}

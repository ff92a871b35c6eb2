using FPbase.Caching;
using FPbase.Data;
using FPbase.Web.Features.Excerpts;
using Microsoft.AspNetCore.Mvc;

namespace FPbase.Web.Features.References;

/// <summary>
/// FPbase's references list and reference pages, by id (<c>/reference/66/</c>) or by DOI
/// (<c>/reference/10.1016/0378-1119(95)00685-0/</c>). They show the names of the proteins citing each
/// reference, and link the protein names in its excerpts, hence <c>proteins</c> besides the references' own resources.
/// </summary>
public sealed class ReferenceController(FpbaseDbContext db, ProteinNames names) : Controller
{
    [HttpGet("/references/")]
    [HttpHead("/references/")]
    [CacheResources(CacheDependencies.References, CacheDependencies.Proteins, Name = "references-page")]
    public async Task<IActionResult> List(CancellationToken cancellationToken)
        => View("~/Features/References/List.cshtml", await ReferenceQueries.ListAsync(db, cancellationToken));

    [HttpGet("/reference/{id:int}/")]
    [HttpHead("/reference/{id:int}/")]
    [CacheResources(CacheDependencies.ReferenceById, CacheDependencies.Proteins, Name = "reference-page")]
    public async Task<IActionResult> ById(int id, CancellationToken cancellationToken)
        => await Page(await ReferenceQueries.LoadAsync(db, id, null, cancellationToken), id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);

    [HttpGet("/reference/{**doi}")]
    [HttpHead("/reference/{**doi}")]
    [CacheResources(CacheDependencies.Proteins, Name = "reference-doi-page", Resolver = typeof(ReferenceDoiResolver))]
    public async Task<IActionResult> ByDoi(string doi, CancellationToken cancellationToken)
    {
        var key = ReferenceDoiResolver.Normalize(doi);
        return await Page(key.Length == 0 ? null : await ReferenceQueries.LoadAsync(db, null, key, cancellationToken), key, cancellationToken);
    }

    private async Task<IActionResult> Page(ReferencePage? page, string key, CancellationToken cancellationToken)
        => page is null
            ? Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: $"No reference matches '{key}'.")
            : View("~/Features/References/Detail.cshtml", page with { Names = await names.LinkerAsync(db, cancellationToken) });
}

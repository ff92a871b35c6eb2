using FPbase.Caching;
using FPbase.Data;
using Microsoft.AspNetCore.Mvc;

namespace FPbase.Web.Features.Spectra.Owner;

/// <summary>
/// FPbase's <c>/spectra/{owner-slug}</c>: every approved spectrum of one owner (a protein or dye state such as
/// <c>egfp_default</c>, a filter, a light or a camera) as <c>{"spectra": [d3dict, ...]}</c>, the JSON that
/// FPbase's FRET and microscope scripts fetch. FPbase answers it to XMLHttpRequests only and renders the viewer
/// otherwise; here it is always the JSON (the viewer is <c>/spectra/</c>), so one URL has one representation.
/// It shows spectra, their owners' names and the states' EC, QY and maxima: the <c>spectra</c> resource, which
/// every change to a spectrum, a state, a protein or dye name, a filter, a light or a camera bumps.
/// Work per request: one indexed query on the four owner slugs; a slug longer than any stored one is a 404
/// without a query.
/// </summary>
[ApiController]
public sealed class OwnerSpectraController(FpbaseDbContext db) : ControllerBase
{
    /// <summary>The longest slug an owner may have (FPbase's SlugField max_length).</summary>
    internal const int MaxSlugLength = 128;

    [HttpGet("/spectra/{slug:nonblank}")]
    [HttpHead("/spectra/{slug:nonblank}")]
    [CacheResources(CacheDependencies.Spectra, Name = "owner-spectra")]
    [ProducesResponseType<OwnerSpectraResponse>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<IActionResult> Get(string slug, CancellationToken cancellationToken)
    {
        var spectra = slug.Length <= MaxSlugLength
            ? await OwnerSpectraQuery.LoadAsync(db, slug, cancellationToken)
            : [];
        return spectra.Count > 0
            ? Ok(new OwnerSpectraResponse(spectra))
            : Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: "No spectrum owner has this slug.");
    }
}

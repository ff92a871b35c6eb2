using System.Text;
using FPbase.Caching;
using FPbase.Data;
using Microsoft.AspNetCore.Mvc;

namespace FPbase.Web.Features.Spectra.Images;

/// <summary>
/// FPbase's <c>/spectra_img/{slug}.svg</c> and <c>.png</c> (and, as FPbase, <c>/spectra_img/{slug}</c> without an
/// extension: the PNG, sharing its ETag and bytes): a protein's (or dye's) spectra as an image, with
/// FPbase's parameters (<see cref="SpectraImageParameters"/>). Each image depends on its owner's row only,
/// so an edit elsewhere never changes its ETag; the query string is part of the ETag and of the cached bytes.
/// </summary>
public sealed class SpectraImageController(FpbaseDbContext db) : ControllerBase
{
    [HttpGet("/spectra_img/{slug:nonblank}.svg")]
    [HttpHead("/spectra_img/{slug:nonblank}.svg")]
    [CacheResources(CacheDependencies.ProteinBySlug, CacheDependencies.DyeBySlug, Name = "spectra-image-svg", Query = typeof(SpectraImageParameters))]
    public Task<IActionResult> Svg(string slug, CancellationToken cancellationToken)
        => RenderAsync(slug, "image/svg+xml", (plot, options) => Encoding.UTF8.GetBytes(SpectraSvg.Render(plot, options)), cancellationToken);

    [HttpGet("/spectra_img/{slug:nonblank}.png")]
    [HttpHead("/spectra_img/{slug:nonblank}.png")]
    // After the two above (Order): /spectra_img/egfp.png is theirs, not this route's with the slug "egfp.png".
    [HttpGet("/spectra_img/{slug:nonblank}", Order = 1)]
    [HttpHead("/spectra_img/{slug:nonblank}", Order = 1)]
    [CacheResources(CacheDependencies.ProteinBySlug, CacheDependencies.DyeBySlug, Name = "spectra-image-png", Query = typeof(SpectraImageParameters))]
    public Task<IActionResult> Png(string slug, CancellationToken cancellationToken)
        => RenderAsync(slug, "image/png", SpectraPng.Render, cancellationToken);

    private async Task<IActionResult> RenderAsync(string slug, string contentType, Func<SpectraPlot, SpectraFigureOptions, byte[]> render, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        var options = SpectraImageParameters.Parse(Request.Query, errors);
        if (errors.Count > 0)
        {
            return ValidationProblem(new ValidationProblemDetails(errors) { Detail = "The image parameters are not valid." });
        }

        var plot = await SpectraPlotQuery.LoadAsync(db, slug.ToLowerInvariant(), cancellationToken);
        if (plot is null || plot.IsEmpty)
        {
            return Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Not Found",
                detail: plot is null ? $"No protein or dye has the slug '{slug}'." : $"'{slug}' has no spectra.");
        }

        return File(render(plot, options), contentType);
    }
}

using FPbase.Caching;
using FPbase.Data;
using FPbase.Web.Features.Editing;
using Microsoft.AspNetCore.Mvc;

namespace FPbase.Web.Features.Microscopes.Pages;

/// <summary>
/// FPbase's microscope page, <c>/microscope/{id}/</c>, and its iframe-friendly twin <c>/embedscope/{id}/</c> (no
/// site header, links to other pages open outside the frame, framing allowed from anywhere: <see cref="EmbeddableAttribute"/>).
/// Each shows one optical config (<c>?c=</c>, FPbase's optical-config link; default the first): its filters,
/// light or laser and camera drawn, and every fluor's excitation efficiency, emission collection efficiency and
/// brightness through it, in a table that needs no script (<c>?p=</c> draws one fluor with the config). Anyone with
/// the link sees a microscope, as in FPbase (who is signed in changes nothing here, so the page is public); only the
/// list hides microscopes (<see cref="MicroscopeListController"/>). It shows the microscope and its components
/// (<c>microscope:{id}</c>, which filter, light and camera edits bump) and the fluors' names, photophysics and spectra
/// (<c>spectra</c>, which protein, state, dye and spectrum edits bump).
/// </summary>
public sealed class MicroscopePageController(FpbaseDbContext db) : Controller
{
    [HttpGet("/microscope/{id}/")]
    [HttpHead("/microscope/{id}/")]
    [CacheResources(CacheDependencies.MicroscopeById, CacheDependencies.Spectra, Name = "microscope-page", Query = typeof(MicroscopePageParameters))]
    public Task<IActionResult> Detail(string id, CancellationToken cancellationToken)
        => Render(id, embedded: false, "~/Features/Microscopes/Pages/Detail.cshtml", cancellationToken);

    [HttpGet("/embedscope/{id}/")]
    [HttpHead("/embedscope/{id}/")]
    [Embeddable]
    [CacheResources(CacheDependencies.MicroscopeById, CacheDependencies.Spectra, Name = "microscope-embed", Query = typeof(MicroscopePageParameters))]
    public Task<IActionResult> Embed(string id, CancellationToken cancellationToken)
        => Render(id, embedded: true, "~/Features/Microscopes/Pages/Embed.cshtml", cancellationToken);

    private async Task<IActionResult> Render(string id, bool embedded, string view, CancellationToken cancellationToken)
    {
        var config = Request.Query["c"].LastOrDefault();
        var fluor = Request.Query["p"].LastOrDefault();
        if (!SafeText.IsLookupKey(id, 22) || (config is not null && !SafeText.IsLookupKey(config)) || (fluor is not null && !SafeText.IsLookupKey(fluor)))
        {
            return NotFoundProblem("No microscope, optical config or fluor has this name.");
        }

        var (page, miss) = await MicroscopePageQuery.LoadAsync(db, id, config, fluor, embedded, cancellationToken);
        return miss switch
        {
            MicroscopePageQuery.Miss.Microscope => NotFoundProblem("No microscope has this id."),
            MicroscopePageQuery.Miss.Config => NotFoundProblem("This microscope has no optical config of this name (c)."),
            MicroscopePageQuery.Miss.Fluor => NotFoundProblem("No fluor has this slug (p)."),
            _ => View(view, page),
        };
    }

    private ObjectResult NotFoundProblem(string detail) => Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: detail);
}

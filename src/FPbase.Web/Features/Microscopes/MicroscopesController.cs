using FPbase.Caching;
using FPbase.Data;
using FPbase.Data.Entities;
using FPbase.Web.Features.Editing;
using FPbase.Web.Features.Editing.Concurrency;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Microscopes;

/// <summary>
/// Microscopes and their optical configs. Anyone reads <c>/api/microscopes/{id}/</c> (per-row resource
/// <c>microscope:{id}</c>). Editors create microscopes; a microscope and its optical configs may be changed or
/// deleted only by the editor who created it, or by staff (anyone else: 403). Field errors: 400, nothing written.
/// Optimistic concurrency: the writes of a microscope share the GET's <c>[CacheResources]</c> (name and resources) and
/// route parameters, and so do the writes of an optical config with <c>GET /api/optical-configs/{id}/</c>, so an
/// <c>If-Match</c> with the GET's ETag is compared with the current one (an ETag's variant holds the route template's
/// parameters, not MVC's controller and action values); a stale one is a 412 from the caching middleware before the
/// action runs, and a current one is checked again in the write
/// against the row version its representation was built from (<see cref="ConditionalWrite"/>), so that of two writes
/// sent with the same If-Match only one succeeds.
/// </summary>
[ApiController]
public sealed class MicroscopesController(FpbaseDbContext db) : ControllerBase
{
    [HttpGet("/api/microscopes/{id}/")]
    [HttpHead("/api/microscopes/{id}/")]
    [CacheResources(CacheDependencies.MicroscopeById, Name = "microscope-detail", ConcurrencyToken = true)]
    [ProducesResponseType<MicroscopeDetail>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Detail(string id, CancellationToken cancellationToken)
    {
        // The version first, then the data (see RepresentationVersions.SetRepresentationVersion).
        if (await db.Microscopes.Where(m => m.Id == id).Select(m => (Guid?)m.Version).SingleOrDefaultAsync(cancellationToken) is { } version)
        {
            ConditionalWrite.Report(HttpContext, version);
        }

        return await MicroscopeQuery.LoadAsync(db, id, cancellationToken) is { } detail ? Ok(detail) : NotFoundProblem(id);
    }

    [HttpGet("/api/optical-configs/{configId:int}/")]
    [HttpHead("/api/optical-configs/{configId:int}/")]
    [CacheResources(CacheDependencies.OpticalConfigs, Name = "optical-config-detail", ConcurrencyToken = true)]
    [ProducesResponseType<OpticalConfigDetail>(StatusCodes.Status200OK)]
    public async Task<IActionResult> ConfigDetail(int configId, CancellationToken cancellationToken)
    {
        // The version first, then the data (see RepresentationVersions.SetRepresentationVersion).
        var row = await db.OpticalConfigs.Where(c => c.Id == configId).Select(c => new { c.MicroscopeId, c.Version }).SingleOrDefaultAsync(cancellationToken);
        if (row is not null)
        {
            ConditionalWrite.Report(HttpContext, row.Version);
        }

        var microscopeId = row?.MicroscopeId;
        var config = microscopeId is null ? null : (await MicroscopeQuery.LoadAsync(db, microscopeId, cancellationToken))?.OpticalConfigs.SingleOrDefault(c => c.Id == configId);
        return config is null ? NotFoundProblem(configId.ToString(System.Globalization.CultureInfo.InvariantCulture)) : Ok(config);
    }

    private ObjectResult NotFoundProblem(string id)
        => Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: "No microscope or optical config has this id.");
}

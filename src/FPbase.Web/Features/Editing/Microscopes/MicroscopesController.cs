using FPbase.Caching;
using FPbase.Data;
using FPbase.Data.Domain;
using FPbase.Data.Entities;
using FPbase.Web.Features.Accounts;
using FPbase.Web.Features.Editing.Concurrency;
using FPbase.Web.Features.Editing.Moderation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Editing.Microscopes;

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
    /// <summary>
    /// The action name a microscope's GET and its writes share, one name for the representation in MVC's route values
    /// and logs. If-Match does not depend on it: an ETag's variant leaves MVC's action value out.
    /// </summary>
    private const string MicroscopeRepresentation = "microscope";

    /// <summary>The action name an optical config's GET and its writes share (as <see cref="MicroscopeRepresentation"/>).</summary>
    private const string ConfigRepresentation = "optical-config";

    [HttpGet("/api/microscopes/{id}/")]
    [HttpHead("/api/microscopes/{id}/")]
    [ActionName(MicroscopeRepresentation)]
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

    [HttpPost("/api/microscopes/")]
    [RequireEditor]
    [NoStore]
    public async Task<IActionResult> Create(MicroscopeRequest request, CancellationToken cancellationToken)
    {
        var userId = CurrentUser.Id(User);
        var microscope = new Microscope { Id = ShortUuid.NewMicroscopeId(), CreatedBy = userId, UpdatedBy = userId };
        if (MicroscopeValidation.Check(request, microscope) is { Count: > 0 } errors)
        {
            return ValidationProblem(new ValidationProblemDetails(errors));
        }

        db.Microscopes.Add(microscope);
        await db.SaveChangesAsync(cancellationToken);
        return StatusCode(StatusCodes.Status201Created, await MicroscopeQuery.LoadAsync(db, microscope.Id, cancellationToken));
    }

    [HttpPut("/api/microscopes/{id}/")]
    [RequireEditor]
    [NoStore]
    [ActionName(MicroscopeRepresentation)]
    [CacheResources(CacheDependencies.MicroscopeById, Name = "microscope-detail", ConcurrencyToken = true)]
    public async Task<IActionResult> Update(string id, MicroscopeRequest request, CancellationToken cancellationToken)
    {
        var (microscope, refusal) = await EditableAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (MicroscopeValidation.Check(request, microscope!) is { Count: > 0 } errors)
        {
            return ValidationProblem(new ValidationProblemDetails(errors));
        }

        microscope!.UpdatedBy = CurrentUser.Id(User);
        db.ExpectRowVersion(microscope, ConditionalWrite.Expected(HttpContext));
        await db.SaveChangesAsync(cancellationToken);
        return Ok(await MicroscopeQuery.LoadAsync(db, id, cancellationToken));
    }

    [HttpDelete("/api/microscopes/{id}/")]
    [RequireEditor]
    [NoStore]
    [ActionName(MicroscopeRepresentation)]
    [CacheResources(CacheDependencies.MicroscopeById, Name = "microscope-detail", ConcurrencyToken = true)]
    public async Task<IActionResult> Delete(string id, CancellationToken cancellationToken)
    {
        var (microscope, refusal) = await EditableAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        db.ExpectRowVersion(microscope!, ConditionalWrite.Expected(HttpContext));
        db.Microscopes.Remove(microscope!);
        await db.SaveChangesAsync(cancellationToken);
        return NoContent();
    }

    [HttpPost("/api/microscopes/{id}/optical-configs/")]
    [RequireEditor]
    [NoStore]
    public async Task<IActionResult> AddConfig(string id, OpticalConfigRequest request, CancellationToken cancellationToken)
    {
        var (microscope, refusal) = await EditableAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var userId = CurrentUser.Id(User);
        var config = new OpticalConfig { MicroscopeId = microscope!.Id, CreatedBy = userId, UpdatedBy = userId };
        var (placements, errors) = await MicroscopeValidation.CheckAsync(db, request, config, cancellationToken);
        if (errors.Count > 0)
        {
            return ValidationProblem(new ValidationProblemDetails(errors));
        }

        config.FilterPlacements = placements;
        db.OpticalConfigs.Add(config);
        await db.SaveChangesAsync(cancellationToken);
        return StatusCode(StatusCodes.Status201Created, (await MicroscopeQuery.LoadAsync(db, id, cancellationToken))!.OpticalConfigs.Single(c => c.Id == config.Id));
    }

    /// <summary>
    /// One optical config. Its data (name, light, camera, filters) is bumped through the <c>optical-configs</c> list
    /// resource, which every change of a config, placement, filter, light, camera or microscope bumps.
    /// </summary>
    [HttpGet("/api/optical-configs/{configId:int}/")]
    [HttpHead("/api/optical-configs/{configId:int}/")]
    [ActionName(ConfigRepresentation)]
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

    [HttpPut("/api/optical-configs/{configId:int}/")]
    [RequireEditor]
    [NoStore]
    [ActionName(ConfigRepresentation)]
    [CacheResources(CacheDependencies.OpticalConfigs, Name = "optical-config-detail", ConcurrencyToken = true)]
    public async Task<IActionResult> UpdateConfig(int configId, OpticalConfigRequest request, CancellationToken cancellationToken)
    {
        var config = await db.OpticalConfigs.Include(c => c.FilterPlacements).SingleOrDefaultAsync(c => c.Id == configId, cancellationToken);
        if (config is null)
        {
            return NotFoundProblem(configId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var (_, refusal) = await EditableAsync(config.MicroscopeId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var (placements, errors) = await MicroscopeValidation.CheckAsync(db, request, config, cancellationToken);
        if (errors.Count > 0)
        {
            return ValidationProblem(new ValidationProblemDetails(errors));
        }

        db.FilterPlacements.RemoveRange(config.FilterPlacements);
        config.FilterPlacements = placements;
        config.UpdatedBy = CurrentUser.Id(User);
        db.ExpectRowVersion(config, ConditionalWrite.Expected(HttpContext)); // also when only its placements changed
        await db.SaveChangesAsync(cancellationToken);
        return Ok((await MicroscopeQuery.LoadAsync(db, config.MicroscopeId, cancellationToken))!.OpticalConfigs.Single(c => c.Id == configId));
    }

    [HttpDelete("/api/optical-configs/{configId:int}/")]
    [RequireEditor]
    [NoStore]
    [ActionName(ConfigRepresentation)]
    [CacheResources(CacheDependencies.OpticalConfigs, Name = "optical-config-detail", ConcurrencyToken = true)]
    public async Task<IActionResult> DeleteConfig(int configId, CancellationToken cancellationToken)
    {
        var config = await db.OpticalConfigs.SingleOrDefaultAsync(c => c.Id == configId, cancellationToken);
        if (config is null)
        {
            return NotFoundProblem(configId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var (_, refusal) = await EditableAsync(config.MicroscopeId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        db.ExpectRowVersion(config, ConditionalWrite.Expected(HttpContext));
        db.OpticalConfigs.Remove(config);
        await db.SaveChangesAsync(cancellationToken);
        return NoContent();
    }

    /// <summary>The microscope, if it exists and the user may change it (<see cref="MicroscopeAccess"/>).</summary>
    private async Task<(Microscope? Microscope, IActionResult? Refusal)> EditableAsync(string id, CancellationToken cancellationToken)
        => await MicroscopeAccess.EditableAsync(db, id, User, cancellationToken) switch
        {
            (var microscope, MicroscopeAccess.Verdict.Allowed) => (microscope, null),
            (_, MicroscopeAccess.Verdict.NotFound) => (null, NotFoundProblem(id)),
            _ => (null, Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "Only the editor who created this microscope, or staff, may change it.")),
        };

    private ObjectResult NotFoundProblem(string id)
        => Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: "No microscope or optical config has this id.");
}

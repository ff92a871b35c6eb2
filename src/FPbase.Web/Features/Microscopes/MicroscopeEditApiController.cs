using FPbase.Caching;
using FPbase.Data;
using FPbase.Data.Domain;
using FPbase.Data.Entities;
using FPbase.Web.Features.Accounts;
using FPbase.Web.Features.Editing;
using FPbase.Web.Features.Editing.Concurrency;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Microscopes;

/// <summary>
/// The writes of microscopes and optical configs (<see cref="MicroscopesController"/> has the GETs): editors only,
/// never stored. Each write of an existing row shares its GET's <c>[CacheResources]</c>, so If-Match is checked.
/// </summary>
[ApiController]
[RequireEditor]
[NoStore]
public sealed class MicroscopeEditApiController(FpbaseDbContext db) : ControllerBase
{
    [HttpPost("/api/microscopes/")]
    public async Task<IActionResult> Create(MicroscopeRequest request, CancellationToken cancellationToken)
    {
        var userId = CurrentUser.Id(User);
        var microscope = new Microscope { Id = ShortUuid.NewMicroscopeId(), CreatedBy = userId, UpdatedBy = userId };
        if (MicroscopeValidation.Check(request, microscope) is { Any: true } errors)
        {
            return ValidationProblem(new ValidationProblemDetails(errors.ToDictionary()));
        }

        db.Microscopes.Add(microscope);
        await db.SaveChangesAsync(cancellationToken);
        return StatusCode(StatusCodes.Status201Created, await MicroscopeQuery.LoadAsync(db, microscope.Id, cancellationToken));
    }

    [HttpPut("/api/microscopes/{id}/")]
    [CacheResources(CacheDependencies.MicroscopeById, Name = "microscope-detail", ConcurrencyToken = true)]
    public async Task<IActionResult> Update(string id, MicroscopeRequest request, CancellationToken cancellationToken)
    {
        var (microscope, refusal) = await EditableAsync(id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (MicroscopeValidation.Check(request, microscope!) is { Any: true } errors)
        {
            return ValidationProblem(new ValidationProblemDetails(errors.ToDictionary()));
        }

        microscope!.UpdatedBy = CurrentUser.Id(User);
        db.ExpectRowVersion(microscope, ConditionalWrite.Expected(HttpContext));
        await db.SaveChangesAsync(cancellationToken);
        return Ok(await MicroscopeQuery.LoadAsync(db, id, cancellationToken));
    }

    [HttpDelete("/api/microscopes/{id}/")]
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
        if (errors.Any)
        {
            return ValidationProblem(new ValidationProblemDetails(errors.ToDictionary()));
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
    [HttpPut("/api/optical-configs/{configId:int}/")]
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
        if (errors.Any)
        {
            return ValidationProblem(new ValidationProblemDetails(errors.ToDictionary()));
        }

        db.FilterPlacements.RemoveRange(config.FilterPlacements);
        config.FilterPlacements = placements;
        config.UpdatedBy = CurrentUser.Id(User);
        db.ExpectRowVersion(config, ConditionalWrite.Expected(HttpContext)); // also when only its placements changed
        await db.SaveChangesAsync(cancellationToken);
        return Ok((await MicroscopeQuery.LoadAsync(db, config.MicroscopeId, cancellationToken))!.OpticalConfigs.Single(c => c.Id == configId));
    }

    [HttpDelete("/api/optical-configs/{configId:int}/")]
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

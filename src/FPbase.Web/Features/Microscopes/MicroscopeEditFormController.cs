using System.Globalization;
using FPbase.Data;
using FPbase.Data.Entities;
using FPbase.Web.Features.Accounts;
using FPbase.Web.Features.Editing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Microscopes;

/// <summary>
/// HTML forms to edit and delete a microscope (<c>/microscopes/{id}/edit/</c>, <c>/microscopes/{id}/delete/</c>) and an
/// optical config (<c>/optical-configs/{id}/edit/</c>, <c>/optical-configs/{id}/delete/</c>). Editors with the
/// antiforgery token in the form; only the microscope's creator or staff (403 otherwise); a bad submission is a 400
/// with the form and its field errors, and nothing is written; a success redirects (303) to the microscope's form.
/// </summary>
[RequireEditor]
[NoStore("private, no-store")]
public sealed class MicroscopeEditFormController(FpbaseDbContext db) : Controller
{
    private const string MicroscopeView = "~/Features/Microscopes/EditMicroscope.cshtml";
    private const string ConfigView = "~/Features/Microscopes/EditOpticalConfig.cshtml";

    [HttpGet("/microscopes/{id}/edit/")]
    [HttpHead("/microscopes/{id}/edit/")]
    public async Task<IActionResult> EditMicroscope(string id, CancellationToken cancellationToken)
    {
        var (microscope, verdict) = await MicroscopeAccess.EditableAsync(db, id, User, cancellationToken);
        return verdict != MicroscopeAccess.Verdict.Allowed ? Refuse(verdict) : await MicroscopePageAsync(microscope!, new MicroscopeForm
        {
            Name = microscope!.Name,
            Description = microscope.Description,
            ExtraLasers = string.Join(", ", microscope.ExtraLasers),
        }, cancellationToken);
    }

    [HttpPost("/microscopes/{id}/edit/")]
    public async Task<IActionResult> UpdateMicroscope(string id, [FromForm] MicroscopeForm form, CancellationToken cancellationToken)
    {
        var (microscope, verdict) = await MicroscopeAccess.EditableAsync(db, id, User, cancellationToken);
        if (verdict != MicroscopeAccess.Verdict.Allowed)
        {
            return Refuse(verdict);
        }

        var lasers = MicroscopeFormController.Numbers(form.ExtraLasers);
        var errors = MicroscopeValidation.Check(new MicroscopeRequest(form.Name, form.Description, lasers ?? []), microscope!);
        if (lasers is null)
        {
            errors.Set("extra_lasers", "Whole numbers separated by commas.");
        }

        if (errors.Any)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await MicroscopePageAsync(microscope!, form with { Errors = errors.ToDictionary().AsReadOnly() }, cancellationToken);
        }

        microscope!.UpdatedBy = CurrentUser.Id(User);
        await db.SaveChangesAsync(cancellationToken);
        return this.SeeOther($"/microscopes/{microscope.Id}/edit/");
    }

    [HttpPost("/microscopes/{id}/delete/")]
    public async Task<IActionResult> DeleteMicroscope(string id, CancellationToken cancellationToken)
    {
        var (microscope, verdict) = await MicroscopeAccess.EditableAsync(db, id, User, cancellationToken);
        if (verdict != MicroscopeAccess.Verdict.Allowed)
        {
            return Refuse(verdict);
        }

        db.Microscopes.Remove(microscope!);
        await db.SaveChangesAsync(cancellationToken);
        return this.SeeOther("/microscopes/new/");
    }

    [HttpGet("/optical-configs/{configId:int}/edit/")]
    [HttpHead("/optical-configs/{configId:int}/edit/")]
    public async Task<IActionResult> EditConfig(int configId, CancellationToken cancellationToken)
    {
        var (config, microscope, refusal) = await EditableConfigAsync(configId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var placements = await db.FilterPlacements.AsNoTracking().Where(p => p.ConfigId == configId).OrderBy(p => p.Id)
            .Select(p => new { p.Filter.Slug, p.Path, p.Reflects }).ToListAsync(cancellationToken);
        return View(ConfigView, new OpticalConfigForm
        {
            ConfigId = config!.Id,
            MicroscopeId = microscope!.Id,
            MicroscopeName = microscope.Name,
            Name = config.Name,
            Description = config.Description,
            Comments = config.Comments,
            Light = config.Light?.Slug,
            Camera = config.Camera?.Slug,
            Laser = config.Laser?.ToString(CultureInfo.InvariantCulture),
            Filters = string.Join("\n", placements.Select(p => $"{p.Slug} {p.Path.ToCode()}{(p.Reflects ? " reflects" : "")}")),
        });
    }

    [HttpPost("/optical-configs/{configId:int}/edit/")]
    public async Task<IActionResult> UpdateConfig(int configId, [FromForm] OpticalConfigForm form, CancellationToken cancellationToken)
    {
        var (config, microscope, refusal) = await EditableConfigAsync(configId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var (placements, errors) = await MicroscopeFormController.CheckAsync(db, form, config!, cancellationToken);
        if (errors.Any)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(ConfigView, form with { ConfigId = configId, MicroscopeId = microscope!.Id, MicroscopeName = microscope.Name, Errors = errors.ToDictionary().AsReadOnly() });
        }

        db.FilterPlacements.RemoveRange(await db.FilterPlacements.Where(p => p.ConfigId == configId).ToListAsync(cancellationToken));
        config!.FilterPlacements = placements;
        config.UpdatedBy = CurrentUser.Id(User);
        db.ExpectRowVersion(config, expected: null); // a new version also when only its placements changed
        await db.SaveChangesAsync(cancellationToken);
        return this.SeeOther($"/microscopes/{microscope!.Id}/edit/");
    }

    [HttpPost("/optical-configs/{configId:int}/delete/")]
    public async Task<IActionResult> DeleteConfig(int configId, CancellationToken cancellationToken)
    {
        var (config, microscope, refusal) = await EditableConfigAsync(configId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        db.OpticalConfigs.Remove(config!);
        await db.SaveChangesAsync(cancellationToken);
        return this.SeeOther($"/microscopes/{microscope!.Id}/edit/");
    }

    private async Task<ViewResult> MicroscopePageAsync(Microscope microscope, MicroscopeForm form, CancellationToken cancellationToken)
    {
        var configs = await db.OpticalConfigs.AsNoTracking().Where(c => c.MicroscopeId == microscope.Id).OrderBy(c => c.Id)
            .Select(c => new KeyValuePair<int, string>(c.Id, c.Name)).ToListAsync(cancellationToken);
        return View(MicroscopeView, form with { Id = microscope.Id, Configs = configs });
    }

    private async Task<(OpticalConfig? Config, Microscope? Microscope, IActionResult? Refusal)> EditableConfigAsync(int configId, CancellationToken cancellationToken)
    {
        var config = await db.OpticalConfigs.Include(c => c.Light).Include(c => c.Camera).SingleOrDefaultAsync(c => c.Id == configId, cancellationToken);
        if (config is null)
        {
            return (null, null, Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: "No optical config has this id."));
        }

        var (microscope, verdict) = await MicroscopeAccess.EditableAsync(db, config.MicroscopeId, User, cancellationToken);
        return verdict == MicroscopeAccess.Verdict.Allowed ? (config, microscope, null) : (null, null, Refuse(verdict));
    }

    private IActionResult Refuse(MicroscopeAccess.Verdict verdict)
        => verdict == MicroscopeAccess.Verdict.NotFound
            ? Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: "No microscope has this id.")
            : Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "Only the editor who created this microscope, or staff, may change it.");
}

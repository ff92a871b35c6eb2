using System.Globalization;
using FPbase.Data;
using FPbase.Data.Domain;
using FPbase.Data.Entities;
using FPbase.Data.Revisions.Edits;
using FPbase.Web.Features.Accounts;
using FPbase.Web.Features.Editing;
using Microsoft.AspNetCore.Mvc;

namespace FPbase.Web.Features.Microscopes;

/// <summary>
/// Minimal HTML forms for the microscope API (editors; antiforgery token in the form): <c>/microscopes/new/</c>
/// creates a microscope, <c>/optical-configs/new/?microscope={id}</c> adds an optical config (filters as lines of
/// <c>slug path [reflects]</c>). Same validation and ownership rule as the JSON API.
/// </summary>
[RequireEditor]
[NoStore("private, no-store")]
public sealed class MicroscopeFormController(FpbaseDbContext db) : Controller
{
    private const string MicroscopeView = "~/Features/Microscopes/NewMicroscope.cshtml";
    private const string ConfigView = "~/Features/Microscopes/NewOpticalConfig.cshtml";

    [HttpGet("/microscopes/new/")]
    [HttpHead("/microscopes/new/")]
    public IActionResult NewMicroscope() => View(MicroscopeView, new MicroscopeForm());

    [HttpPost("/microscopes/new/")]
    public async Task<IActionResult> CreateMicroscope([FromForm] MicroscopeForm form, CancellationToken cancellationToken)
    {
        var userId = CurrentUser.Id(User);
        var microscope = new Microscope { Id = ShortUuid.NewMicroscopeId(), CreatedBy = userId, UpdatedBy = userId };
        var lasers = Numbers(form.ExtraLasers);
        var errors = MicroscopeValidation.Check(new MicroscopeRequest(form.Name, form.Description, lasers ?? []), microscope);
        if (lasers is null)
        {
            errors.Set("extra_lasers", "Whole numbers separated by commas.");
        }

        if (errors.Any)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(MicroscopeView, form with { Errors = errors.ToDictionary().AsReadOnly() });
        }

        db.Microscopes.Add(microscope);
        await db.SaveChangesAsync(cancellationToken);
        return this.SeeOther($"/optical-configs/new/?microscope={microscope.Id}");
    }

    [HttpGet("/optical-configs/new/")]
    [HttpHead("/optical-configs/new/")]
    public async Task<IActionResult> NewConfig([FromQuery(Name = "microscope")] string? id, CancellationToken cancellationToken)
        => await MicroscopeAccess.EditableAsync(db, id, User, cancellationToken) switch
        {
            (var microscope, MicroscopeAccess.Verdict.Allowed) => View(ConfigView, new OpticalConfigForm { MicroscopeId = microscope!.Id, MicroscopeName = microscope.Name }),
            (_, var verdict) => Refuse(verdict),
        };

    [HttpPost("/optical-configs/new/")]
    public async Task<IActionResult> CreateConfig([FromQuery(Name = "microscope")] string? id, [FromForm] OpticalConfigForm form, CancellationToken cancellationToken)
    {
        var (microscope, verdict) = await MicroscopeAccess.EditableAsync(db, id, User, cancellationToken);
        if (verdict != MicroscopeAccess.Verdict.Allowed)
        {
            return Refuse(verdict);
        }

        var userId = CurrentUser.Id(User);
        var config = new OpticalConfig { MicroscopeId = microscope!.Id, CreatedBy = userId, UpdatedBy = userId };
        var (placements, errors) = await CheckAsync(db, form, config, cancellationToken);

        if (errors.Any)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(ConfigView, form with { MicroscopeId = microscope.Id, MicroscopeName = microscope.Name, Errors = errors.ToDictionary().AsReadOnly() });
        }

        config.FilterPlacements = placements;
        db.OpticalConfigs.Add(config);
        await db.SaveChangesAsync(cancellationToken);
        return this.SeeOther($"/api/microscopes/{microscope.Id}/");
    }

    private IActionResult Refuse(MicroscopeAccess.Verdict verdict)
        => verdict == MicroscopeAccess.Verdict.NotFound
            ? Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: "No microscope has this id.")
            : Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "Only the editor who created this microscope, or staff, may change it.");

    /// <summary>The form's fields as an API request, checked into <paramref name="config"/> (laser must be a whole number).</summary>
    internal static async Task<(List<FilterPlacement> Placements, EditErrors Errors)> CheckAsync(
        FpbaseDbContext db, OpticalConfigForm form, OpticalConfig config, CancellationToken cancellationToken)
    {
        var typed = FormNumber.TryInt(form.Laser, out var laser);
        var filters = (form.Filters ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Select(parts => new FilterPlacementRequest(parts.ElementAtOrDefault(0), parts.ElementAtOrDefault(1), parts.ElementAtOrDefault(2) is "reflects" or "true"))
            .ToArray();
        var (placements, errors) = await MicroscopeValidation.CheckAsync(db, new OpticalConfigRequest(form.Name, form.Description, form.Comments, form.Light, form.Camera, laser, filters), config, cancellationToken);
        if (!typed)
        {
            errors.Set("laser", "A whole number of nanometres.");
        }

        return (placements, errors);
    }

    internal static int[]? Numbers(string? text)
    {
        var parts = (text ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries);
        var numbers = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return null;
            }
        }

        return numbers;
    }
}

/// <summary>The new- and edit-microscope form (<see cref="Id"/> is set when editing).</summary>
public sealed record MicroscopeForm
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? ExtraLasers { get; init; }

    /// <summary>The microscope's optical configs (id, name), listed on the edit form.</summary>
    public IReadOnlyList<KeyValuePair<int, string>> Configs { get; init; } = [];

    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();
}

/// <summary>The new- and edit-optical-config form (<see cref="ConfigId"/> is set when editing).</summary>
public sealed record OpticalConfigForm
{
    public int? ConfigId { get; init; }

    public string? MicroscopeId { get; init; }

    public string? MicroscopeName { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? Comments { get; init; }

    public string? Light { get; init; }

    public string? Camera { get; init; }

    public string? Laser { get; init; }

    public string? Filters { get; init; }

    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();
}

using System.Globalization;
using FPbase.Data;
using FPbase.Web.Features.Accounts;
using FPbase.Web.Features.Editing;
using Microsoft.AspNetCore.Mvc;

namespace FPbase.Web.Features.Spectra.Submission;

/// <summary>
/// The HTML form for <see cref="SpectrumSubmitApiController"/>: <c>/spectra/submit/</c> (editors; antiforgery
/// token in the form). Data is pasted as lines of <c>wave value</c> (comma, tab or space separated).
/// </summary>
[RequireEditor]
[NoStore("private, no-store")]
public sealed class SpectrumSubmitFormController(FpbaseDbContext db) : Controller
{
    private const string ViewPath = "~/Features/Spectra/Submission/Submit.cshtml";

    [HttpGet("/spectra/submit/")]
    [HttpHead("/spectra/submit/")]
    public IActionResult Form() => View(ViewPath, new SpectrumSubmitForm());

    [HttpPost("/spectra/submit/")]
    public async Task<IActionResult> Submit([FromForm] SpectrumSubmitForm form, CancellationToken cancellationToken)
    {
        var request = new SpectrumSubmission(form.Owner, form.Category, form.Subtype, ParseLines(form.Data), form.Reference,
            double.TryParse(form.Ph, NumberStyles.Float, CultureInfo.InvariantCulture, out var ph) ? ph : null, form.Solvent, form.Source);
        var (spectrum, errors) = await SpectrumSubmissionValidator.ValidateAsync(db, request, CurrentUser.Id(User), cancellationToken);
        if (!string.IsNullOrWhiteSpace(form.Ph) && request.Ph is null)
        {
            errors.Set("ph", "A number between 0 and 14.");
            spectrum = null;
        }

        if (spectrum is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(ViewPath, form with { Errors = errors.ToDictionary().AsReadOnly() });
        }

        db.Spectra.Add(spectrum);
        await db.SaveChangesAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status201Created;
        return View(ViewPath, new SpectrumSubmitForm { SubmittedId = spectrum.Id });
    }

    /// <summary>Lines of "wave value"; null (an error) when a line is not two numbers.</summary>
    internal static double[][]? ParseLines(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 200_000)
        {
            return null;
        }

        var points = new List<double[]>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split([',', '\t', ' ', ';'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2
                || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var wave)
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return null;
            }

            points.Add([wave, value]);
        }

        return [.. points];
    }
}

/// <summary>The submit form's fields, errors and outcome.</summary>
public sealed record SpectrumSubmitForm
{
    public string? Owner { get; init; }

    public string? Category { get; init; }

    public string? Subtype { get; init; }

    public string? Data { get; init; }

    public string? Reference { get; init; }

    public string? Ph { get; init; }

    public string? Solvent { get; init; }

    public string? Source { get; init; }

    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();

    public int? SubmittedId { get; init; }
}

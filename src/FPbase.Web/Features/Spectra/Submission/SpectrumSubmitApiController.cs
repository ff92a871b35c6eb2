using FPbase.Data;
using FPbase.Data.Entities;
using FPbase.Web.Features.Accounts;
using FPbase.Web.Features.Editing;
using Microsoft.AspNetCore.Mvc;

namespace FPbase.Web.Features.Spectra.Submission;

/// <summary>
/// <c>POST /api/spectra/</c> (editors): a new spectrum, stored pending. It shows nowhere (lists, GraphQL,
/// <c>/api/spectrum/{id}/</c>: the global query filter) until staff approve it. The largest valid body (1851
/// points, 150-2000 nm) is about 100 KB of JSON, so the site's 1 MB body limit stands.
/// </summary>
[ApiController]
[RequireEditor]
[NoStore]
public sealed class SpectrumSubmitApiController(FpbaseDbContext db) : ControllerBase
{
    [HttpPost("/api/spectra/")]
    [Consumes("application/json")]
    [ProducesResponseType<SubmittedSpectrum>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Submit(SpectrumSubmission request, CancellationToken cancellationToken)
    {
        var (spectrum, errors) = await SpectrumSubmissionValidator.ValidateAsync(db, request, CurrentUser.Id(User), cancellationToken);
        if (spectrum is null)
        {
            return ValidationProblem(new ValidationProblemDetails(errors.ToDictionary()));
        }

        db.Spectra.Add(spectrum);
        await db.SaveChangesAsync(cancellationToken);
        return StatusCode(StatusCodes.Status201Created, Describe(spectrum, request.Owner!.Trim()));
    }

    internal static SubmittedSpectrum Describe(Spectrum spectrum, string owner)
        => new(spectrum.Id, spectrum.Status.ToCode(), owner, spectrum.Category.ToCode(), spectrum.Subtype.ToCode(), spectrum.MinWave, spectrum.MaxWave);
}

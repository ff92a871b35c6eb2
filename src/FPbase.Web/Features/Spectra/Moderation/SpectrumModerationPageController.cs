using FPbase.Data;
using FPbase.Data.Entities;
using FPbase.Web.Features.Accounts;
using FPbase.Web.Features.Editing;
using Microsoft.AspNetCore.Mvc;

namespace FPbase.Web.Features.Spectra.Moderation;

/// <summary>
/// Staff only: <c>/moderation/spectra/</c> lists pending spectra with approve and reject buttons (forms with the
/// antiforgery token, posting to <c>/moderation/spectra/{id}/approve/</c> or <c>/reject/</c>, then back here).
/// Never stored by any cache: <c>Cache-Control: private, no-store</c>.
/// </summary>
[RequireStaff]
[NoStore("private, no-store")]
public sealed class SpectrumModerationPageController(FpbaseDbContext db) : Controller
{
    [HttpGet("/moderation/spectra/")]
    [HttpHead("/moderation/spectra/")]
    public async Task<IActionResult> List(CancellationToken cancellationToken)
        => View("~/Features/Spectra/Moderation/PendingSpectra.cshtml", await SpectrumModeration.PendingAsync(db, cancellationToken));

    [HttpPost("/moderation/spectra/{id:int}/approve/")]
    public Task<IActionResult> Approve(int id, CancellationToken cancellationToken) => DecideAsync(id, SpectrumStatus.Approved, cancellationToken);

    [HttpPost("/moderation/spectra/{id:int}/reject/")]
    public Task<IActionResult> Reject(int id, CancellationToken cancellationToken) => DecideAsync(id, SpectrumStatus.Rejected, cancellationToken);

    private async Task<IActionResult> DecideAsync(int id, SpectrumStatus decision, CancellationToken cancellationToken)
    {
        if (await SpectrumModeration.DecideAsync(db, id, decision, CurrentUser.Id(User), cancellationToken) == SpectrumModeration.Outcome.NotFound)
        {
            return Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: $"No spectrum {id}.");
        }

        return this.SeeOther("/moderation/spectra/");
    }
}

using FPbase.Data;
using FPbase.Data.Entities;
using FPbase.Web.Features.Accounts;
using FPbase.Web.Features.Editing;
using Microsoft.AspNetCore.Mvc;

namespace FPbase.Web.Features.Spectra.Moderation;

/// <summary>
/// Staff only: <c>POST /api/spectra/{id}/approve/</c> makes a pending spectrum public (lists, GraphQL and
/// <c>/api/spectrum/{id}/</c> change at once, through the ordinary write); <c>POST /api/spectra/{id}/reject/</c>
/// keeps it out for good. Unknown id: 404; not pending any more: 409.
/// </summary>
[ApiController]
[RequireStaff]
[NoStore]
public sealed class SpectrumModerationApiController(FpbaseDbContext db) : ControllerBase
{
    [HttpPost("/api/spectra/{id:int}/approve/")]
    public Task<IActionResult> Approve(int id, CancellationToken cancellationToken) => DecideAsync(id, SpectrumStatus.Approved, cancellationToken);

    [HttpPost("/api/spectra/{id:int}/reject/")]
    public Task<IActionResult> Reject(int id, CancellationToken cancellationToken) => DecideAsync(id, SpectrumStatus.Rejected, cancellationToken);

    private async Task<IActionResult> DecideAsync(int id, SpectrumStatus decision, CancellationToken cancellationToken)
        => await SpectrumModeration.DecideAsync(db, id, decision, CurrentUser.Id(User), cancellationToken) switch
        {
            SpectrumModeration.Outcome.NotFound => Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: $"No spectrum {id}."),
            SpectrumModeration.Outcome.NotPending => Problem(statusCode: StatusCodes.Status409Conflict, title: "Not pending", detail: $"Spectrum {id} was already decided."),
            _ => Ok(new { id, status = decision.ToCode() }),
        };
}

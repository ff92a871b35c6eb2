using FPbase.Data;
using FPbase.Data.Entities;
using FPbase.Web.Features.Accounts;
using FPbase.Web.Features.Editing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Proteins.Visibility;

/// <summary>
/// Staff only: <c>POST /api/proteins/{slug}/hide/</c> takes a protein out of every list and makes its page a
/// 404; <c>POST /api/proteins/{slug}/unhide/</c> brings it back as approved. An ordinary write: the protein's
/// lists and pages change ETag at once.
/// </summary>
[ApiController]
[RequireStaff]
[NoStore]
public sealed class ProteinVisibilityController(FpbaseDbContext db) : ControllerBase
{
    [HttpPost("/api/proteins/{slug}/hide/")]
    public Task<IActionResult> Hide(string slug, CancellationToken cancellationToken) => SetAsync(slug, ProteinStatus.Hidden, cancellationToken);

    [HttpPost("/api/proteins/{slug}/unhide/")]
    public Task<IActionResult> Unhide(string slug, CancellationToken cancellationToken) => SetAsync(slug, ProteinStatus.Approved, cancellationToken);

    private async Task<IActionResult> SetAsync(string slug, ProteinStatus status, CancellationToken cancellationToken)
    {
        var protein = SafeText.IsLookupKey(slug) ? await db.Proteins.SingleOrDefaultAsync(p => p.Slug == slug.ToLowerInvariant(), cancellationToken) : null;
        if (protein is null)
        {
            return Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: "No protein has this slug.");
        }

        if (protein.Status != status)
        {
            protein.Status = status;
            await db.SaveChangesAsync(cancellationToken);
        }

        return Ok(new { slug = protein.Slug, status = status.ToCode() });
    }
}

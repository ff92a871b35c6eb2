using System.Security.Claims;
using FPbase.Caching;
using FPbase.Data;
using FPbase.Data.Revisions;
using FPbase.Data.Revisions.Edits;
using FPbase.Web.Features.Accounts;
using FPbase.Web.Features.Editing;
using FPbase.Web.Features.Editing.Concurrency;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Proteins.Editing;

/// <summary>
/// The seven edits of one protein (<c>/api/proteins/{slug}/...</c>): editors only, with an API token or the login
/// cookie plus antiforgery token. Each write shares the <c>[CacheResources]</c> name and resources of
/// <see cref="ProteinApiController"/>'s GET,
/// so an <c>If-Match</c> with the ETag of <c>GET /api/proteins/{slug}/</c> (any content-coding) is checked by the
/// caching middleware: stale is a 412 before the action runs. A current one is checked again in the write's
/// transaction, against the protein's row version the GET's representation was built from
/// (<see cref="ConditionalWrite"/>): of two writes sent with the same If-Match, the second is a 412 too. Writes are
/// <c>no-store</c>, record a revision and contain no cache code: the EF Core interceptors bump every page the change
/// shows on.
/// </summary>
[ApiController]
[RequireEditor]
[NoStore]
[CacheResources(CacheDependencies.ProteinBySlug, Name = ProteinApiController.EndpointName, ConcurrencyToken = true)]
public sealed class ProteinEditApiController(FpbaseDbContext db) : ControllerBase
{
    [HttpPut("/api/proteins/{slug}/")]
    [HttpPatch("/api/proteins/{slug}/")]
    public Task<IActionResult> Update(string slug, ProteinUpdate body, CancellationToken ct)
        => EditAsync(slug, "update", s => ProteinEdits.UpdateAsync(db, s, body, ct), StatusCodes.Status200OK, ct);

    [HttpPost("/api/proteins/{slug}/references/")]
    public Task<IActionResult> AddReference(string slug, ReferenceAdd body, CancellationToken ct)
        => EditAsync(slug, "add-reference", s => ProteinEdits.AddReferenceAsync(db, s, body, ct), StatusCodes.Status201Created, ct);

    [HttpPost("/api/proteins/{slug}/excerpts/")]
    public Task<IActionResult> AddExcerpt(string slug, ExcerptAdd body, CancellationToken ct)
        => EditAsync(slug, "add-excerpt", async s => (await ProteinEdits.AddExcerptAsync(db, s, body, ct)).Errors, StatusCodes.Status201Created, ct);

    [HttpPost("/api/proteins/{slug}/excerpts/flag/")]
    public async Task<IActionResult> FlagExcerpt(string slug, ExcerptFlag body, CancellationToken ct)
    {
        var id = body.Excerpt ?? 0;
        var session = await BeginAsync(slug, ct);
        if (session is null || ProteinEdits.Flag(session, id) is null)
        {
            return Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: $"Protein '{slug}' has no excerpt {id}.");
        }

        return await CommitAsync(session, "flag-excerpt", null, StatusCodes.Status200OK, ct);
    }

    [HttpPut("/api/proteins/{slug}/transitions/")]
    public Task<IActionResult> SetTransitions(string slug, TransitionsUpdate body, CancellationToken ct)
        => EditAsync(slug, "transitions", s => Task.FromResult(ProteinEdits.SetTransitions(s, body)), StatusCodes.Status200OK, ct);

    [HttpPut("/api/proteins/{slug}/bleach/")]
    public Task<IActionResult> SetBleach(string slug, BleachUpdate body, CancellationToken ct)
        => EditAsync(slug, "bleach", s => ProteinEdits.SetBleachAsync(db, s, body, ct), StatusCodes.Status200OK, ct);

    [HttpPost("/api/proteins/{slug}/revert/")]
    public async Task<IActionResult> Revert(string slug, RevertRequest body, CancellationToken ct)
    {
        var session = await BeginAsync(slug, ct);
        if (session is null)
        {
            return NotFoundProblem(slug);
        }

        var (errors, revision) = await ProteinEdits.RevertAsync(db, session, body, ct);
        return errors.Any ? Invalid(errors) : await CommitAsync(session, "revert", revision!.Id, StatusCodes.Status200OK, ct);
    }

    private async Task<IActionResult> EditAsync(string slug, string action, Func<ProteinEditSession, Task<EditErrors>> edit, int status, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var session = await BeginAsync(slug, ct);
            if (session is null)
            {
                return NotFoundProblem(slug);
            }

            var errors = await edit(session);
            if (errors.Any)
            {
                return Invalid(errors);
            }

            try
            {
                return await CommitAsync(session, action, null, status, ct);
            }
            catch (Exception ex) when (attempt == 1 && UniqueViolation.Is(ex))
            {
                // A concurrent edit inserted the same key first (two proteins citing one new DOI): nothing was saved.
                // Once more from the start, which now finds that row. The protein's version is unchanged, so an
                // If-Match still holds; a second refusal is a 409 (ConcurrentWriteExceptionHandler).
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The edit session, bound to the version the request's If-Match names (if any).</summary>
    private async Task<ProteinEditSession?> BeginAsync(string slug, CancellationToken ct)
    {
        var session = await ProteinEditSession.BeginAsync(db, slug, ct);
        if (session is not null)
        {
            session.ExpectedVersion = ConditionalWrite.Expected(HttpContext);
        }

        return session;
    }

    private async Task<IActionResult> CommitAsync(ProteinEditSession session, string action, int? revertedFrom, int status, CancellationToken ct)
    {
        await session.CommitAsync(action, User.FindFirstValue(ClaimTypes.NameIdentifier), User.Identity?.Name ?? "", revertedFrom, ct);
        var detail = await ProteinDetailQuery.LoadAsync(db, session.Protein.Slug, ct);
        return status == StatusCodes.Status201Created
            ? Created($"/api/proteins/{session.Protein.Slug}/", detail)
            : Ok(detail);
    }

    private ActionResult Invalid(EditErrors errors)
        => ValidationProblem(new ValidationProblemDetails(errors.ToDictionary()) { Status = StatusCodes.Status400BadRequest });

    private ObjectResult NotFoundProblem(string slug)
        => Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: $"No protein has the slug '{slug}'.");
}

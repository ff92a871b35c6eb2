using System.Security.Claims;
using FPbase.Data;
using FPbase.Data.Revisions;
using FPbase.Data.Revisions.Edits;
using FPbase.Web.Features.Accounts;
using FPbase.Web.Features.Editing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Proteins.Editing;

/// <summary>
/// The protein edit page, <c>/protein/{slug}/edit/</c>: server-rendered forms (antiforgery tokens) for the seven
/// edits of <see cref="ProteinEdits"/>. A valid form is saved with its revision and redirects (303) to the protein page
/// (post/redirect/get); a refused one is shown again with its errors and status 400, and nothing is saved. The page
/// carries a per-session token, so it is never cached (<c>no-store</c>) and has no CacheResources.
/// </summary>
[RequireEditor]
[AutoValidateAntiforgeryToken]
[NoStore]
[Route("/protein/{slug}/edit")]
public sealed class ProteinEditPageController(FpbaseDbContext db) : Controller
{
    private const string View_ = "~/Features/Proteins/Editing/Edit.cshtml";

    [HttpGet("")]
    [HttpHead("")]
    public Task<IActionResult> Edit(string slug, CancellationToken ct) => PageAsync(slug, new EditErrors(), StatusCodes.Status200OK, ct);

    [HttpPost("")]
    public Task<IActionResult> Update(string slug, [FromForm] ProteinUpdateForm form, CancellationToken ct) => SubmitAsync(slug, "update", async (s, errors) =>
        form.ToEdit(s, errors) is var update && errors.Any ? errors : await ProteinEdits.UpdateAsync(db, s, update, ct), ct);

    [HttpPost("references")]
    public Task<IActionResult> AddReference(string slug, [FromForm] ReferenceForm form, CancellationToken ct) => SubmitAsync(slug, "add-reference", async (s, errors) =>
        form.ToEdit(errors) is var reference && errors.Any ? errors : await ProteinEdits.AddReferenceAsync(db, s, reference, ct), ct);

    [HttpPost("excerpts")]
    public Task<IActionResult> AddExcerpt(string slug, [FromForm] ExcerptForm form, CancellationToken ct) => SubmitAsync(slug, "add-excerpt", async (s, errors) =>
        (await ProteinEdits.AddExcerptAsync(db, s, form.ToEdit(), ct)).Errors, ct);

    [HttpPost("excerpts/flag")]
    public Task<IActionResult> FlagExcerpt(string slug, [FromForm] ExcerptFlagForm form, CancellationToken ct) => SubmitAsync(slug, "flag-excerpt", (s, errors) =>
    {
        if (form.ToEdit(errors) is var excerpt && !errors.Any && ProteinEdits.Flag(s, excerpt ?? 0) is null)
        {
            errors.Add("excerpt", "This protein has no such excerpt.");
        }

        return Task.FromResult(errors);
    }, ct);

    [HttpPost("transitions")]
    public Task<IActionResult> SetTransitions(string slug, [FromForm] TransitionsForm form, CancellationToken ct) => SubmitAsync(slug, "transitions", (s, errors) =>
        Task.FromResult(form.ToEdit(errors) is var transitions && errors.Any ? errors : ProteinEdits.SetTransitions(s, transitions)), ct);

    [HttpPost("bleach")]
    public Task<IActionResult> SetBleach(string slug, [FromForm] BleachForm form, CancellationToken ct) => SubmitAsync(slug, "bleach", async (s, errors) =>
        form.ToEdit(errors) is var bleach && errors.Any ? errors : await ProteinEdits.SetBleachAsync(db, s, bleach, ct), ct);

    [HttpPost("revert")]
    public async Task<IActionResult> Revert(string slug, [FromForm] RevertForm form, CancellationToken ct)
    {
        var session = await ProteinEditSession.BeginAsync(db, slug, ct);
        if (session is null)
        {
            return NotFoundProblem(slug);
        }

        var errors = new EditErrors();
        var request = form.ToEdit(errors);
        if (!errors.Any)
        {
            var (revertErrors, revision) = await ProteinEdits.RevertAsync(db, session, request, ct);
            if (!revertErrors.Any)
            {
                await session.CommitAsync("revert", User.FindFirstValue(ClaimTypes.NameIdentifier), User.Identity?.Name ?? "", revision!.Id, ct);
                return this.SeeOther($"/protein/{session.Protein.Slug}/");
            }

            errors = revertErrors;
        }

        return await PageAsync(slug, errors, StatusCodes.Status400BadRequest, ct);
    }

    /// <summary>Runs one edit in a session: refused (its errors, 400, the page again, nothing saved) or committed with its revision (303 to the protein).</summary>
    private async Task<IActionResult> SubmitAsync(string slug, string action, Func<ProteinEditSession, EditErrors, Task<EditErrors>> edit, CancellationToken ct)
    {
        var session = await ProteinEditSession.BeginAsync(db, slug, ct);
        if (session is null)
        {
            return NotFoundProblem(slug);
        }

        var errors = await edit(session, new EditErrors());
        if (errors.Any)
        {
            return await PageAsync(slug, errors, StatusCodes.Status400BadRequest, ct);
        }

        await session.CommitAsync(action, User.FindFirstValue(ClaimTypes.NameIdentifier), User.Identity?.Name ?? "", null, ct);
        return this.SeeOther($"/protein/{session.Protein.Slug}/");
    }

    private async Task<IActionResult> PageAsync(string slug, EditErrors errors, int status, CancellationToken ct)
    {
        // A fresh context view: a refused form's tracked changes are never shown nor saved.
        db.ChangeTracker.Clear();
        var detail = await ProteinDetailQuery.LoadAsync(db, slug, ct);
        if (detail is null)
        {
            return NotFoundProblem(slug);
        }

        var revisions = (await db.ProteinRevisions.AsNoTracking().Where(r => r.Protein.Slug == detail.Slug).OrderByDescending(r => r.Id).Take(20)
            .Select(r => new { r.Id, r.Action, r.UserName, r.Created }).ToListAsync(ct))
            .Select(r => (r.Id, r.Action, r.UserName, r.Created)).ToList();
        var view = View(View_, new ProteinEditPage(detail, revisions, errors.ToDictionary()));
        view.StatusCode = status;
        return view;
    }

    private ObjectResult NotFoundProblem(string slug)
        => Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: $"No protein has the slug '{slug}'.");
}

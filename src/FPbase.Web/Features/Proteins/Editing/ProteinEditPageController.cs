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
    public Task<IActionResult> Update(string slug, CancellationToken ct) => SubmitAsync(slug, "update", async (s, input, errors) =>
    {
        var state = new StateUpdate(
            Slug: input.Text("state") ?? s.Protein.States.FirstOrDefault(x => x.Id == s.Protein.DefaultStateId)?.Slug ?? s.Protein.States.FirstOrDefault()?.Slug,
            ExMax: input.Int("ex_max"), EmMax: input.Int("em_max"), ExtCoeff: input.Int("ext_coeff"), Qy: input.Double("qy"),
            Pka: input.Double("pka"), Maturation: input.Double("maturation"), Lifetime: input.Double("lifetime"),
            IsDark: input.Text("is_dark") is { } dark ? dark is "true" or "on" : null);
        var hasState = state with { Slug = null } != new StateUpdate();
        var update = new ProteinUpdate(
            Name: input.Text("name"), Aliases: input.Text("aliases")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList(),
            Seq: input.Text("seq"), Genbank: input.Text("genbank"), Uniprot: input.Text("uniprot"), IpgId: input.Text("ipg_id"),
            Agg: input.Text("agg"), SwitchType: input.Text("switch_type"), Cofactor: input.Text("cofactor"), Blurb: input.Text("blurb"),
            ParentOrganism: input.Int("parent_organism"), PrimaryReference: input.Text("primary_reference"),
            States: hasState ? [state] : null);
        return errors.Any ? errors : await ProteinEdits.UpdateAsync(db, s, update, ct);
    }, ct);

    [HttpPost("references")]
    public Task<IActionResult> AddReference(string slug, CancellationToken ct) => SubmitAsync(slug, "add-reference", async (s, input, errors) =>
    {
        var body = new ReferenceAdd(input.Text("doi"), input.Text("title"), input.Text("journal"), input.Int("year"));
        return errors.Any ? errors : await ProteinEdits.AddReferenceAsync(db, s, body, ct);
    }, ct);

    [HttpPost("excerpts")]
    public Task<IActionResult> AddExcerpt(string slug, CancellationToken ct) => SubmitAsync(slug, "add-excerpt", async (s, input, errors) =>
        errors.Any ? errors : (await ProteinEdits.AddExcerptAsync(db, s, new ExcerptAdd(input.Text("content"), input.Text("reference")), ct)).Errors, ct);

    [HttpPost("excerpts/flag")]
    public Task<IActionResult> FlagExcerpt(string slug, CancellationToken ct) => SubmitAsync(slug, "flag-excerpt", (s, input, errors) =>
    {
        if (!errors.Any && ProteinEdits.Flag(s, input.Int("excerpt") ?? 0) is null)
        {
            errors.Add("excerpt", "This protein has no such excerpt.");
        }

        return Task.FromResult(errors);
    }, ct);

    [HttpPost("transitions")]
    public Task<IActionResult> SetTransitions(string slug, CancellationToken ct) => SubmitAsync(slug, "transitions", (s, input, errors) =>
    {
        var from = input.All("from_state");
        var to = input.All("to_state");
        var list = Enumerable.Range(0, Math.Max(from.Length, to.Length))
            .Where(i => !string.IsNullOrWhiteSpace(i < from.Length ? from[i] : null) || !string.IsNullOrWhiteSpace(i < to.Length ? to[i] : null))
            .Select(i => new TransitionInput(i < from.Length ? from[i] : null, i < to.Length ? to[i] : null, input.Int("trans_wave", i))).ToList();
        return Task.FromResult(errors.Any ? errors : ProteinEdits.SetTransitions(s, new TransitionsUpdate(list)));
    }, ct);

    [HttpPost("bleach")]
    public Task<IActionResult> SetBleach(string slug, CancellationToken ct) => SubmitAsync(slug, "bleach", async (s, input, errors) =>
    {
        string? At(string name, int i) => input.All(name) is var v && i < v.Length && !string.IsNullOrWhiteSpace(v[i]) ? v[i] : null;
        var list = Enumerable.Range(0, input.All("rate").Length)
            .Where(i => At("rate", i) is not null)
            .Select(i => new BleachInput(At("state", i), input.Double("rate", i), input.Double("power", i), At("units", i), At("light", i), At("modality", i),
                input.Double("temp", i), input.Int("in_cell", i), At("cell_type", i), At("fusion", i), At("reference", i))).ToList();
        return errors.Any ? errors : await ProteinEdits.SetBleachAsync(db, s, new BleachUpdate(list), ct);
    }, ct);

    [HttpPost("revert")]
    public async Task<IActionResult> Revert(string slug, CancellationToken ct)
    {
        var session = await ProteinEditSession.BeginAsync(db, slug, ct);
        if (session is null)
        {
            return NotFoundProblem(slug);
        }

        var errors = new EditErrors();
        var input = new FormInput(Request.Form, errors);
        var request = new RevertRequest(input.Int("revision"), input.Text("restore"));
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

    private async Task<IActionResult> SubmitAsync(string slug, string action, Func<ProteinEditSession, FormInput, EditErrors, Task<EditErrors>> edit, CancellationToken ct)
    {
        var session = await ProteinEditSession.BeginAsync(db, slug, ct);
        if (session is null)
        {
            return NotFoundProblem(slug);
        }

        var errors = new EditErrors();
        errors = await edit(session, new FormInput(Request.Form, errors), errors);
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

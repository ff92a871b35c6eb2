using System.Text.Json;
using FPbase.Caching;
using FPbase.Data;
using FPbase.Web.Features.Accounts;
using FPbase.Web.Features.Editing;
using FPbase.Web.Features.Editing.Concurrency;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Proteins.Editing;

/// <summary>
/// One protein as JSON, <c>GET /api/proteins/{slug}/</c>, the representation the edits of
/// <see cref="ProteinEditApiController"/> change (they share its <c>[CacheResources]</c> name, resources and route, so
/// its ETag is their If-Match), and the protein's revisions.
/// </summary>
[ApiController]
public sealed class ProteinApiController(FpbaseDbContext db) : ControllerBase
{
    /// <summary>The endpoint name the GET and every edit share.</summary>
    public const string EndpointName = "api-protein";

    [HttpGet("/api/proteins/{slug}/")]
    [HttpHead("/api/proteins/{slug}/")]
    [CacheResources(CacheDependencies.ProteinBySlug, Name = EndpointName, ConcurrencyToken = true)]
    public async Task<IActionResult> Get(string slug, CancellationToken ct)
    {
        // The version first, then the data (see RepresentationVersions.SetRepresentationVersion).
        var key = slug.ToLowerInvariant();
        if (await db.Proteins.Where(p => p.Slug == key).Select(p => (Guid?)p.Version).SingleOrDefaultAsync(ct) is { } version)
        {
            ConditionalWrite.Report(HttpContext, version);
        }

        return await ProteinDetailQuery.LoadAsync(db, slug, ct) is { } detail ? Ok(detail) : NotFoundProblem(slug);
    }

    /// <summary>The protein's revisions, newest first: editors only, so private per user (it names who edited).</summary>
    [HttpGet("/api/proteins/{slug}/revisions/")]
    [HttpHead("/api/proteins/{slug}/revisions/")]
    [RequireEditor]
    [CacheResources(CacheDependencies.ProteinBySlug, Name = "api-protein-revisions", VaryByUser = true)]
    public async Task<IActionResult> Revisions(string slug, CancellationToken ct)
    {
        var key = slug.ToLowerInvariant();
        if (!await db.Proteins.AnyAsync(p => p.Slug == key, ct))
        {
            return NotFoundProblem(slug);
        }

        var rows = await db.ProteinRevisions.AsNoTracking().Where(r => r.Protein.Slug == key).OrderByDescending(r => r.Id).ToListAsync(ct);
        return Ok(rows.Select(r => new RevisionItem(
            r.Id, r.Action, r.UserName, r.Created, r.RevertedFromId,
            JsonDocument.Parse(r.Before).RootElement.Clone(), JsonDocument.Parse(r.After).RootElement.Clone())).ToList());
    }

    private ObjectResult NotFoundProblem(string slug)
        => Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: $"No protein has the slug '{slug}'.");
}

using FPbase.Data;
using FPbase.Data.Entities;
using FPbase.Data.Identity;
using FPbase.Web.Features.Accounts;
using FPbase.Web.Features.Editing.Moderation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Editing.Favourites;

/// <summary>
/// The logged-in user's favourite proteins: <c>POST</c>/<c>DELETE /api/proteins/{slug}/favourite/</c> (idempotent)
/// and <c>GET /api/me/favourites/</c>. Per-user data: <c>Cache-Control: private, no-store</c>, and no public page
/// or ETag changes (a favourite row touches no cached resource).
/// </summary>
[ApiController]
[RequireEditor]
[NoStore("private, no-store")]
public sealed class FavouritesController(FpbaseDbContext db) : ControllerBase
{
    [HttpGet("/api/me/favourites/")]
    [HttpHead("/api/me/favourites/")]
    [ProducesResponseType<List<FavouriteItem>>(StatusCodes.Status200OK)]
    public async Task<List<FavouriteItem>> Mine(CancellationToken cancellationToken)
    {
        var userId = CurrentUser.Id(User);
        return await db.Proteins.AsNoTracking()
            .Where(p => p.Status != ProteinStatus.Hidden && db.ProteinFavourites.Any(f => f.UserId == userId && f.ProteinId == p.Id))
            .OrderBy(p => p.Name)
            .Select(p => new FavouriteItem(p.Slug, p.Name))
            .ToListAsync(cancellationToken);
    }

    [HttpPost("/api/proteins/{slug}/favourite/")]
    public Task<IActionResult> Add(string slug, CancellationToken cancellationToken) => SetAsync(slug, true, cancellationToken);

    [HttpDelete("/api/proteins/{slug}/favourite/")]
    public Task<IActionResult> Remove(string slug, CancellationToken cancellationToken) => SetAsync(slug, false, cancellationToken);

    private async Task<IActionResult> SetAsync(string slug, bool favourite, CancellationToken cancellationToken)
    {
        var protein = SafeText.IsLookupKey(slug)
            ? await db.Proteins.Where(p => p.Slug == slug.ToLowerInvariant() && p.Status != ProteinStatus.Hidden).Select(p => new { p.Id, p.Slug }).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (protein is null)
        {
            return Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: "No protein has this slug.");
        }

        var userId = CurrentUser.Id(User);
        var existing = await db.ProteinFavourites.SingleOrDefaultAsync(f => f.UserId == userId && f.ProteinId == protein.Id, cancellationToken);
        if (favourite && existing is null)
        {
            db.ProteinFavourites.Add(new ProteinFavourite { UserId = userId, ProteinId = protein.Id });
        }
        else if (!favourite && existing is not null)
        {
            db.ProteinFavourites.Remove(existing);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Ok(new { slug = protein.Slug, favourite });
    }
}

/// <summary>One of my favourites.</summary>
public sealed record FavouriteItem(string Slug, string Name);

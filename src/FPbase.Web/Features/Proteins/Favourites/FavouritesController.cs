using FPbase.Data;
using FPbase.Data.Entities;
using FPbase.Data.Identity;
using FPbase.Web.Features.Accounts;
using FPbase.Web.Features.Editing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FPbase.Web.Features.Proteins.Favourites;

/// <summary>
/// The logged-in user's favourite proteins: <c>POST</c>/<c>DELETE /api/proteins/{slug}/favourite/</c> (idempotent)
/// and <c>GET /api/me/favourites/</c>. Per-user data: <c>Cache-Control: private, no-store</c>, and no public page
/// or ETag changes (a favourite row touches no cached resource). Concurrent requests of one user for one protein
/// race on the (user, protein) key: the loser of an add sees a unique violation, the loser of a remove deletes no
/// row, and both answer as if their change had been made, since it has.
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

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException) when (!favourite)
        {
            // Another request removed it first.
        }
        catch (DbUpdateException e) when (favourite && e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another request added it first.
        }

        return Ok(new { slug = protein.Slug, favourite });
    }
}

/// <summary>One of my favourites.</summary>
public sealed record FavouriteItem(string Slug, string Name);

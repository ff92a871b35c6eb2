using FPbase.Data;
using FPbase.Data.Entities;
using FPbase.Web.Features.Editing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Proteins.Regional;

/// <summary>
/// <c>/protein/{slug}/regional-links/</c>: the only part of a protein page that depends on where the visitor is, a
/// small document the page embeds (an iframe) so the page itself stays one shared, cached representation. It depends
/// on the client's address, which no <c>Vary</c> header can name, so it is never stored anywhere (<c>no-store,
/// private</c>) and never goes through the payload cache. The address is the connection's: behind a proxy the
/// forwarded headers middleware has already put the client's there (ForwardedHeaders settings).
/// </summary>
[NoStore("no-store, private")]
public sealed class RegionalLinksController(FpbaseDbContext db, CountryLookup countries) : Controller
{
    [HttpGet("/protein/{slug:nonblank}/regional-links/")]
    [HttpHead("/protein/{slug:nonblank}/regional-links/")]
    public async Task<IActionResult> Links(string slug, CancellationToken cancellationToken)
    {
        var lower = slug.ToLowerInvariant();
        var name = await db.Proteins.AsNoTracking()
            .Where(p => p.Slug == lower && p.Status != ProteinStatus.Hidden)
            .Select(p => p.Name)
            .FirstOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: $"No protein matches '{slug}'.");
        }

        var country = countries.CountryOf(HttpContext.Connection.RemoteIpAddress);
        return View("~/Features/Proteins/Regional/RegionalLinks.cshtml", RegionalLinks.For(name, country));
    }
}

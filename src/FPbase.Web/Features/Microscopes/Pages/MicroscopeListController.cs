using FPbase.Caching;
using FPbase.Data;
using FPbase.Web.Features.Editing;
using Microsoft.AspNetCore.Mvc;

namespace FPbase.Web.Features.Microscopes.Pages;

/// <summary>
/// FPbase's <c>/microscopes/</c>: the public microscopes (FPbase lists those with more than one optical config;
/// the others are a user's own, unlisted, reachable by their link), newest first, and, for a signed-in user, their
/// own microscopes, listed or not. That last part depends on who asks, so the whole page is per user
/// (<c>VaryByUser</c>: <c>private</c>, the user in the ETag): nobody is ever shown someone else's unlisted
/// microscope, from a shared cache or ours. It shows microscopes and their configs (<c>microscopes</c>).
/// </summary>
public sealed class MicroscopeListController(FpbaseDbContext db) : Controller
{
    [HttpGet("/microscopes/")]
    [HttpHead("/microscopes/")]
    [CacheResources(CacheDependencies.Microscopes, Name = "microscopes-page", VaryByUser = true)]
    public async Task<IActionResult> List(CancellationToken cancellationToken)
    {
        var user = User.Identity?.IsAuthenticated == true ? CurrentUser.Id(User) : null;
        return View("~/Features/Microscopes/Pages/List.cshtml", await MicroscopeListQuery.LoadAsync(db, user, cancellationToken));
    }
}

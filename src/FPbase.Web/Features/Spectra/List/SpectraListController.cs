using FPbase.Caching;
using FPbase.Data;
using Microsoft.AspNetCore.Mvc;

namespace FPbase.Web.Features.Spectra.List;

/// <summary>
/// FPbase's spectra list (about 1.3 MB of JSON at full size), which the spectra viewer fetches on
/// every visit. Cached as bytes per version of <c>spectra</c>; a client holding the current ETag gets a
/// 304 before this action is even reached. The old URL serves the same resource with the same ETag.
/// </summary>
[ApiController]
[CacheResources(CacheDependencies.Spectra, Name = "spectra-list")]
public sealed class SpectraListController(FpbaseDbContext db) : ControllerBase
{
    [HttpGet("/api/spectra-list/")]
    [HttpHead("/api/spectra-list/")]
    [HttpGet("/api/proteins/spectraslugs/")]
    [HttpHead("/api/proteins/spectraslugs/")]
    [ProducesResponseType<SpectraListResponse>(StatusCodes.Status200OK)]
    public async Task<SpectraListResponse> Get(CancellationToken cancellationToken)
        => new(new SpectraListData(await SpectraListQuery.LoadAsync(db, cancellationToken)));
}

using FPbase.Caching;
using FPbase.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Microscopes.OpticalConfigs;

/// <summary>FPbase's optical-config list, ordered by name, cached per version of <c>optical-configs</c>.</summary>
[ApiController]
[CacheResources(CacheDependencies.OpticalConfigs, Name = "optical-configs-list")]
public sealed class OpticalConfigListController(FpbaseDbContext db) : ControllerBase
{
    [HttpGet("/api/optical-configs-list/")]
    [HttpHead("/api/optical-configs-list/")]
    [HttpGet("/api/proteins/ocinfo/")]
    [HttpHead("/api/proteins/ocinfo/")]
    [ProducesResponseType<OpticalConfigListResponse>(StatusCodes.Status200OK)]
    public async Task<OpticalConfigListResponse> Get(CancellationToken cancellationToken)
    {
        var items = await db.OpticalConfigs.AsNoTracking()
            .OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Select(c => new OpticalConfigListItem(c.Id, c.Name, c.Comments, new MicroscopeRef(c.MicroscopeId, c.Microscope.Name)))
            .ToListAsync(cancellationToken);
        return new OpticalConfigListResponse(new OpticalConfigListData(items));
    }
}

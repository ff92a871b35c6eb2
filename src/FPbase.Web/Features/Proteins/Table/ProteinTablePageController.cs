using FPbase.Caching;
using FPbase.Data;
using Microsoft.AspNetCore.Mvc;

namespace FPbase.Web.Features.Proteins.Table;

/// <summary>FPbase's <c>/table/</c>: every visible protein's states with their photophysics, server-rendered.</summary>
public sealed class ProteinTablePageController(FpbaseDbContext db) : Controller
{
    [HttpGet("/table/")]
    [HttpHead("/table/")]
    [CacheResources(CacheDependencies.Proteins, Name = "protein-table")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
        => View("~/Features/Proteins/Table/Index.cshtml", await ProteinTablePageQuery.LoadAsync(db, cancellationToken));
}

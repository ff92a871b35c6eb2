using FPbase.Caching;
using FPbase.Data;
using Microsoft.AspNetCore.Mvc;

namespace FPbase.Web.Features.Table;

/// <summary>FPbase's <c>/table/</c>: every visible protein's states with their photophysics, server-rendered.</summary>
public sealed class ProteinTableController(FpbaseDbContext db) : Controller
{
    [HttpGet("/table/")]
    [HttpHead("/table/")]
    [CacheResources(CacheDependencies.Proteins, Name = "protein-table")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
        => View("~/Features/Table/Index.cshtml", await ProteinTableQuery.LoadAsync(db, cancellationToken));
}

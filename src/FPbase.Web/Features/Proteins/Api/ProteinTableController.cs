using FPbase.Caching;
using FPbase.Data;
using FPbase.Web.Features.Shared;
using FPbase.Web.Features.Shared.Docs;
using FPbase.Web.Features.Shared.Filtering;
using Microsoft.AspNetCore.Mvc;

namespace FPbase.Web.Features.Proteins.Api;

/// <summary>
/// FPbase's <c>/api/proteins/table-data/</c>, which the protein table page loads; the protein filters.
/// Built from proteins and states, and references (year; filters).
/// </summary>
[ApiController]
[CacheResources(CacheDependencies.Proteins, CacheDependencies.References, Name = "api-proteins-table", Query = typeof(ProteinListParameters))]
public sealed class ProteinTableController(FpbaseDbContext db) : ControllerBase
{
    private static readonly string[] Formats = [ApiQuery.Json];

    [HttpGet("/api/proteins/table-data/")]
    [HttpHead("/api/proteins/table-data/")]
    [ProteinFilterParameters]
    [ProducesResponseType<List<ProteinTableItem>>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<IActionResult> Get(CancellationToken cancellationToken)
    {
        var query = ApiQuery.Read(Request.Query, ProteinFilters.Set, Formats);
        var proteins = query.Filter(ProteinTableQuery.Source(db.Proteins), ProteinFilters.Set, Request.Query, db);
        if (!query.IsValid)
        {
            return this.BadQuery(query.Errors);
        }

        return Ok(await ProteinTableQuery.LoadAsync(proteins, cancellationToken));
    }
}

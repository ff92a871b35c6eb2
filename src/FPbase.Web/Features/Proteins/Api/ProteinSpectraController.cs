using FPbase.Caching;
using FPbase.Data;
using FPbase.Web.Features.Shared;
using FPbase.Web.Features.Shared.Docs;
using FPbase.Web.Features.Shared.Filtering;
using Microsoft.AspNetCore.Mvc;

namespace FPbase.Web.Features.Proteins.Api;

/// <summary>
/// FPbase's <c>/api/proteins/spectra/</c>: proteins with their states' spectra; the protein filters, which
/// work here. Built from proteins and states, spectra, and references (filters).
/// </summary>
[ApiController]
[CacheResources(CacheDependencies.Proteins, CacheDependencies.Spectra, CacheDependencies.References, Name = "api-proteins-spectra", Query = typeof(ProteinListParameters))]
public sealed class ProteinSpectraController(FpbaseDbContext db) : ControllerBase
{
    private static readonly string[] Formats = [ApiQuery.Json];

    [HttpGet("/api/proteins/spectra/")]
    [HttpHead("/api/proteins/spectra/")]
    [ProteinFilterParameters]
    [ProducesResponseType<List<ProteinSpectraItem>>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<IActionResult> Get(CancellationToken cancellationToken)
    {
        var query = ApiQuery.Read(Request.Query, ProteinFilters.Set, Formats);
        var proteins = query.Filter(ProteinSpectraQuery.Source(db.Proteins), ProteinFilters.Set, Request.Query, db);
        if (!query.IsValid)
        {
            return this.BadQuery(query.Errors);
        }

        return Ok(await ProteinSpectraQuery.LoadAsync(proteins, cancellationToken));
    }
}

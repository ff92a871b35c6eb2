using FPbase.Caching;
using FPbase.Data;
using FPbase.Web.Features.Shared;
using FPbase.Web.Features.Shared.Csv;
using FPbase.Web.Features.Shared.Docs;
using FPbase.Web.Features.Shared.Filtering;
using Microsoft.AspNetCore.Mvc;

namespace FPbase.Web.Features.Proteins.Api;

/// <summary>
/// FPbase's <c>/api/proteins/basic/</c>: basic (non-switching) proteins with their default state flattened;
/// the protein filters; CSV by default, or JSON
/// (<see cref="NegotiatedProteinListParameters"/>). Built from proteins and states, and references (filters).
/// </summary>
[ApiController]
[CacheResources(CacheDependencies.Proteins, CacheDependencies.References, Name = "api-proteins-basic", Query = typeof(NegotiatedProteinListParameters))]
public sealed class BasicProteinsController(FpbaseDbContext db) : ControllerBase
{
    [HttpGet("/api/proteins/basic/")]
    [HttpHead("/api/proteins/basic/")]
    [ProteinFilterParameters(Csv = true)]
    [ProducesResponseType<List<BasicProteinItem>>(StatusCodes.Status200OK, "text/csv", "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<IActionResult> Get(CancellationToken cancellationToken)
    {
        var query = ApiQuery.Read(Request.Query, ProteinFilters.Set, NegotiatedProteinListParameters.Formats);
        var proteins = query.Filter(BasicProteinQuery.Source(db.Proteins), ProteinFilters.Set, Request.Query, db);
        if (!query.IsValid)
        {
            return this.BadQuery(query.Errors);
        }

        var items = await BasicProteinQuery.LoadAsync(proteins, cancellationToken);
        return query.Format == ApiQuery.Csv ? FlattenedCsv.Result(items) : Ok(items);
    }
}

using FPbase.Caching;
using FPbase.Data;
using FPbase.Web.Features.Shared;
using FPbase.Web.Features.Shared.Csv;
using FPbase.Web.Features.Shared.Docs;
using FPbase.Web.Features.Shared.Filtering;
using Microsoft.AspNetCore.Mvc;

namespace FPbase.Web.Features.Proteins.Api;

/// <summary>
/// FPbase's protein list, <c>/api/proteins/</c>, with its filters; CSV by default, as FPbase, or JSON
/// (<c>?format=json</c> or <c>Accept: application/json</c>: <see cref="NegotiatedProteinListParameters"/>).
/// Built from proteins, their states and transitions, and primary references (DOI; reference and
/// author filters). Spectra are not shown (FPbase's on-demand fields are not served).
/// </summary>
[ApiController]
[CacheResources(CacheDependencies.Proteins, CacheDependencies.References, Name = "api-proteins", Query = typeof(NegotiatedProteinListParameters))]
public sealed class ProteinsController(FpbaseDbContext db) : ControllerBase
{
    [HttpGet("/api/proteins/")]
    [HttpHead("/api/proteins/")]
    [ProteinFilterParameters(Csv = true)]
    [ProducesResponseType<List<ProteinItem>>(StatusCodes.Status200OK, "text/csv", "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<IActionResult> Get(CancellationToken cancellationToken)
    {
        var query = ApiQuery.Read(Request.Query, ProteinFilters.Set, NegotiatedProteinListParameters.Formats);
        var proteins = query.Filter(db.Proteins, ProteinFilters.Set, Request.Query, db);
        if (!query.IsValid)
        {
            return this.BadQuery(query.Errors);
        }

        var items = await ProteinListQuery.LoadAsync(proteins, cancellationToken);
        return query.Format == ApiQuery.Csv ? FlattenedCsv.Result(items) : Ok(items);
    }
}

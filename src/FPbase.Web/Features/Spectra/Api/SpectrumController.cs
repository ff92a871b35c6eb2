using FPbase.Caching;
using FPbase.Data;
using FPbase.Data.Domain;
using FPbase.Data.Entities;
using FPbase.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace FPbase.Web.Features.Spectra.Api;

/// <summary>
/// One spectrum with its values, <c>/api/spectrum/{id}/</c>. Built from the spectrum row and its owner's
/// names: <c>spectrum:{id}</c>, plus <c>spectra</c>, which every change to an owner's name bumps.
/// </summary>
[ApiController]
public sealed class SpectrumController(FpbaseDbContext db) : ControllerBase
{
    private static readonly string[] Formats = [ApiQuery.Json];

    [HttpGet("/api/spectrum/{id:int}/")]
    [HttpHead("/api/spectrum/{id:int}/")]
    [CacheResources(CacheDependencies.SpectrumById, CacheDependencies.Spectra, Name = "api-spectrum", Query = typeof(SpectrumParameters))]
    [ProducesResponseType<SpectrumDetail>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<IActionResult> Get(int id, CancellationToken cancellationToken)
    {
        var query = ApiQuery.Read<object>(Request.Query, null, Formats);
        if (!query.IsValid)
        {
            return this.BadQuery(query.Errors);
        }

        var rows = await SpectrumRow.LoadAsync(db, [id], cancellationToken);
        if (rows is not [var s])
        {
            return Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: $"No approved spectrum has id {id}.");
        }

        return Ok(new SpectrumDetail(
            new SpectrumValues(s.MinWave, s.Values), s.Category.ToCode(), s.Subtype.ToCode(), s.Id, s.Name,
            s.OwnerId, s.OwnerSlug, s.ProteinName, s.ProteinSlug, WaveToHex.Convert(s.PeakWave), s.MinWave, s.MaxWave, s.PeakWave));
    }
}

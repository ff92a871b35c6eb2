using FPbase.Caching;
using FPbase.Data;
using FPbase.Data.Domain.Fret;
using FPbase.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace FPbase.Web.Features.Fret;

/// <summary>
/// The FRET calculator's JSON: the whole Förster list (<c>/api/fret/</c>), as the background worker last computed
/// it, and one pair on demand (<c>/api/fret/pair/?donor=&amp;acceptor=</c>), cached per pair and version.
/// </summary>
[ApiController]
public sealed class FretApiController(FpbaseDbContext db) : ControllerBase
{
    [HttpGet("/api/fret/")]
    [HttpHead("/api/fret/")]
    [CacheResources(CacheDependencies.Spectra, CacheDependencies.Proteins, Name = "fret-list", Resolver = typeof(FretListResolver), Query = typeof(FretListParameters))]
    [ProducesResponseType<FretListResponse>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public IActionResult List()
    {
        var view = FretListView.Of(HttpContext);
        var page = Request.Query[FretListParameters.Page].LastOrDefault();
        var number = 1;
        if (page is not null && (!int.TryParse(page, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out number) || number < 1))
        {
            return this.BadQuery(new Dictionary<string, string[]> { [FretListParameters.Page] = ["'page' is a whole number from 1."] });
        }

        var pages = FretListResponse.PagesOf(view.Shown?.Pairs.Length ?? 0);
        return number > pages
            ? Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: $"The list shown has {pages} page(s).")
            : Ok(FretListResponse.Of(view, number));
    }

    /// <summary>
    /// R0 of one donor/acceptor pair, any two proteins (not only the list's monomers): 400 without both slugs or with
    /// one longer than <see cref="FretPairParameters.MaxSlugLength"/>, 404 for a protein that does not exist, 422
    /// when the donor has no emission spectrum or QY, or the acceptor no absorption/excitation spectrum or EC.
    /// Two indexed queries per protein, whatever is asked.
    /// </summary>
    [HttpGet("/api/fret/pair/")]
    [HttpHead("/api/fret/pair/")]
    [CacheResources(CacheDependencies.Spectra, CacheDependencies.Proteins, Name = "fret-pair", Query = typeof(FretPairParameters))]
    [ProducesResponseType<ForsterPairJson>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public async Task<IActionResult> Pair([FromQuery] string? donor, [FromQuery] string? acceptor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Check(FretPairParameters.Donor, donor, errors);
        Check(FretPairParameters.Acceptor, acceptor, errors);
        if (errors.Count > 0)
        {
            return this.BadQuery(errors);
        }

        var d = await FretFluorQuery.LoadOneAsync(db, donor!, cancellationToken);
        var a = d is null ? null : await FretFluorQuery.LoadOneAsync(db, acceptor!, cancellationToken);
        if (d is null || a is null)
        {
            return Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: $"No protein has the slug '{(d is null ? donor : acceptor)}'.");
        }

        return Forster.Pair(d, a) is { } pair
            ? Ok(ForsterPairJson.Of(pair))
            : Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "No Förster radius",
                detail: $"A donor needs an emission spectrum and a quantum yield, an acceptor an absorption or excitation spectrum and an extinction coefficient: {Missing(d, a)}.");
    }

    private static void Check(string name, string? value, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors[name] = [$"'{name}' is required: a protein slug."];
        }
        else if (value.Length > FretPairParameters.MaxSlugLength)
        {
            errors[name] = [$"'{name}' is at most {FretPairParameters.MaxSlugLength} characters."];
        }
    }

    private static string Missing(FretFluor donor, FretFluor acceptor)
    {
        var missing = new List<string>();
        if (donor.Emission is null)
        {
            missing.Add($"{donor.Protein.Name} has no emission spectrum");
        }

        if (donor.Protein.Qy is null or 0)
        {
            missing.Add($"{donor.Protein.Name} has no quantum yield");
        }

        if (acceptor.Absorption is null)
        {
            missing.Add($"{acceptor.Protein.Name} has no absorption or excitation spectrum");
        }

        if (acceptor.Protein.ExtCoeff is null or 0)
        {
            missing.Add($"{acceptor.Protein.Name} has no extinction coefficient");
        }

        return missing.Count > 0 ? string.Join("; ", missing) : $"{donor.Protein.Name}'s emission sums to zero";
    }
}

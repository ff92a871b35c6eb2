using System.Globalization;
using System.Text.Json.Serialization;
using FPbase.Caching;
using FPbase.Data;
using FPbase.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Search;

/// <summary>One suggestion: FPbase's <c>{"id": slug, "text": name}</c>.</summary>
public sealed record AutocompleteResult([property: JsonPropertyName("id")] string Id, [property: JsonPropertyName("text")] string Text);

/// <summary>Whether a next page exists (Select2's <c>pagination.more</c>).</summary>
public sealed record AutocompletePagination([property: JsonPropertyName("more")] bool More);

/// <summary>django-autocomplete-light's answer: <c>{"results": [...], "pagination": {"more": false}}</c>.</summary>
public sealed record AutocompleteResponse(
    [property: JsonPropertyName("results")] IReadOnlyList<AutocompleteResult> Results,
    [property: JsonPropertyName("pagination")] AutocompletePagination Pagination);

/// <summary>
/// FPbase's <c>/autocomplete-protein/</c> (ProteinAutocomplete, a django-autocomplete-light Select2QuerySetView): the
/// visible proteins whose name contains <c>q</c> (case-insensitive; all of them without one), 10 a page, the site
/// header's search box suggestions. Ordered by name as FPbase orders them, except that a name equal to <c>q</c>, then
/// names starting with it, come first (so that <c>EGF</c> offers EGFP before the many names containing it).
/// Bounded: <c>q</c> of at most <see cref="SearchChecks.MaxNameLength"/> characters, pages of 10 up to page
/// <see cref="MaxPage"/>; one SQL query of 11 rows. A page that is not a whole number is a 400, a page past the last a
/// 404 (Django's paginator), both problem details.
/// </summary>
[ApiController]
public sealed class ProteinAutocompleteController(FpbaseDbContext db) : ControllerBase
{
    public const int PageSize = 10;
    public const int MaxPage = 1_000;

    [HttpGet("/autocomplete-protein/")]
    [HttpHead("/autocomplete-protein/")]
    [CacheResources(CacheDependencies.Proteins, CacheDependencies.Spectra, Name = "autocomplete-protein", Query = typeof(AutocompleteParameters))]
    [ProducesResponseType<AutocompleteResponse>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(CancellationToken cancellationToken)
    {
        var q = Request.Query[AutocompleteParameters.Q].ToString();
        var pageText = Request.Query[AutocompleteParameters.Page].ToString();
        var type = Request.Query[AutocompleteParameters.Type].ToString();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (q.Length > SearchChecks.MaxNameLength || q.Contains('\0', StringComparison.Ordinal))
        {
            errors[AutocompleteParameters.Q] = [$"At most {SearchChecks.MaxNameLength} characters, without NUL."];
        }

        var page = 1;
        if (pageText.Length > 0 && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1 || page > MaxPage))
        {
            errors[AutocompleteParameters.Page] = [$"Enter a whole number from 1 to {MaxPage} ('{pageText[..Math.Min(pageText.Length, 40)]}' is not one)."];
        }

        if (type.Length > 0 && type != AutocompleteParameters.WithSpectra)
        {
            errors[AutocompleteParameters.Type] = [$"Select a valid choice: '{AutocompleteParameters.WithSpectra}', or none."];
        }

        if (errors.Count > 0)
        {
            return ValidationProblem(new ValidationProblemDetails(errors) { Detail = "The autocomplete parameters are not valid." });
        }

        var proteins = db.Proteins.AsNoTracking().Where(p => p.Status != ProteinStatus.Hidden);
        if (type == AutocompleteParameters.WithSpectra)
        {
            proteins = proteins.Where(p => p.States.Any(s => s.Spectra.Any()));
        }

        if (q.Length > 0)
        {
            proteins = proteins.Where(p => p.Name.ToLower().Contains(q));
        }

        var rows = await proteins
            .OrderBy(p => p.Name.ToLower() == q ? 0 : p.Name.ToLower().StartsWith(q) ? 1 : 2)
            .ThenBy(p => p.Name).ThenBy(p => p.Id)
            .Skip((page - 1) * PageSize).Take(PageSize + 1)
            .Select(p => new AutocompleteResult(p.Slug, p.Name))
            .ToListAsync(cancellationToken);
        if (rows.Count == 0 && page > 1)
        {
            return Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: $"Invalid page ({page}): that page contains no results.");
        }

        return Ok(new AutocompleteResponse(rows.Take(PageSize).ToList(), new AutocompletePagination(rows.Count > PageSize)));
    }
}

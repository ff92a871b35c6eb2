using FPbase.Caching;
using FPbase.Data;
using FPbase.Data.Entities;
using FPbase.Web.Features.Shared;
using FPbase.Web.Features.Shared.Filtering;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Search;

/// <summary>
/// FPbase's search, <c>/search/</c> (backend/proteins/views/search.py), server-rendered, a GET form:
/// <list type="bullet">
/// <item><c>?q=</c> (the site header's box) redirects (302, as FPbase) to what it names exactly (<see cref="ExactMatch"/>),
/// or else to <c>?name__iexact=</c>, whose page lists the near matches.</item>
/// <item>Filters (the API's, <see cref="ProteinFilters"/>) list the visible proteins that pass them all, as cards
/// (<c>display=l</c>, the default) or a table (<c>display=t</c>); a search with exactly one result redirects to it, as
/// FPbase does; none, with a name asked, lists near matches (<see cref="NearMatches"/>).</item>
/// <item>Bad input is a 400 with problem details (unknown filters, values the filters refuse, contradicting bounds,
/// over-long text: <see cref="SearchChecks"/>).</item>
/// </list>
/// Bounded: at most <see cref="MaxResults"/> rows are shown (with the total), and a request runs at most a count, a
/// page of rows, the organisms and one near-match scan. Built from proteins and references (the reference filters);
/// only the declared parameters (<see cref="SearchParameters"/>) enter the cache key.
/// </summary>
public sealed class SearchController(FpbaseDbContext db) : Controller
{
    public const int MaxResults = 500;

    [HttpGet("/search/")]
    [HttpHead("/search/")]
    [CacheResources(CacheDependencies.Proteins, CacheDependencies.References, Name = "search", Query = typeof(SearchParameters))]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var query = Request.Query;
        var check = ApiQuery.Read(query, ProteinFilters.Set, [], SearchParameters.Q, SearchParameters.Display);
        SearchChecks.Check(query, check.Errors);
        var visible = db.Proteins.Where(p => p.Status != ProteinStatus.Hidden);
        var filtered = check.Filter(visible, ProteinFilters.Set, query, db);
        if (!check.IsValid)
        {
            return this.BadQuery(check.Errors);
        }

        var asTable = query[SearchParameters.Display] == SearchParameters.Table;
        if (query[SearchParameters.Q].ToString() is { Length: > 0 } q)
        {
            return Redirect(await ExactMatch.FindAsync(db, q, cancellationToken)
                ?? "/search/?name__iexact=" + Uri.EscapeDataString(q) + (asTable ? "&display=t" : ""));
        }

        var asked = query.Where(p => p.Key != SearchParameters.Display).ToDictionary(p => p.Key, p => p.Value[^1] ?? "", StringComparer.Ordinal);
        var organisms = await db.Organisms.AsNoTracking()
            .Where(o => o.Proteins.Any(p => p.Status != ProteinStatus.Hidden))
            .OrderBy(o => o.ScientificName).ThenBy(o => o.Id)
            .Select(o => new SearchOrganism(o.Id, o.ScientificName))
            .ToListAsync(cancellationToken);
        if (asked.Count == 0)
        {
            // Nothing asked: the form alone (without a filter, the filters would pass every protein).
            return Page(new SearchPage(asked, organisms, false, 0, [], [], asTable));
        }

        var (total, results) = await SearchResultsQuery.LoadAsync(filtered, MaxResults, cancellationToken);
        if (total == 1)
        {
            return Redirect($"/protein/{Uri.EscapeDataString(results[0].Slug)}/");
        }

        IReadOnlyList<SearchResult> near = [];
        if (total == 0 && (Asked("name__icontains") ?? Asked("name__iexact")) is { } name)
        {
            near = await SearchResultsQuery.BySlugsAsync(db, await NearMatches.FindAsync(db, name, cancellationToken), cancellationToken);
        }

        return Page(new SearchPage(asked, organisms, true, total, results, near, asTable));

        string? Asked(string parameter) => asked.TryGetValue(parameter, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
    }

    private ViewResult Page(SearchPage page) => View("~/Features/Search/Index.cshtml", page);
}

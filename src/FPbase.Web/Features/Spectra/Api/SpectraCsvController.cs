using System.Globalization;
using FPbase.Caching;
using FPbase.Data;
using FPbase.Web.Features.Shared;
using FPbase.Web.Features.Shared.Csv;
using Microsoft.AspNetCore.Mvc;

namespace FPbase.Web.Features.Spectra.Api;

/// <summary>
/// FPbase's <c>/spectra_csv/?q=17,18</c>: several spectra side by side, a <c>wavelength</c> column from
/// the lowest to the highest wave of them all, then one column per spectrum (named as FPbase names
/// spectra), empty where a spectrum has no value. Spectra in the order asked, each once.
/// </summary>
[ApiController]
public sealed class SpectraCsvController(FpbaseDbContext db) : ControllerBase
{
    /// <summary>More than this many columns is refused (a request, not a database dump).</summary>
    public const int MaxSpectra = 100;

    [HttpGet("/spectra_csv/")]
    [HttpHead("/spectra_csv/")]
    [CacheResources(CacheDependencies.Spectra, Name = "spectra-csv", Query = typeof(SpectraCsvParameters))]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/csv")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<IActionResult> Get([FromQuery(Name = "q")] string? q, CancellationToken cancellationToken)
    {
        var query = ApiQuery.Read<object>(Request.Query, null, [], "q");
        var ids = ParseIds(q, query.Errors);
        if (!query.IsValid)
        {
            return this.BadQuery(query.Errors);
        }

        var rows = (await SpectrumRow.LoadAsync(db, ids, cancellationToken)).ToDictionary(r => r.Id);
        var missing = ids.Where(id => !rows.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            return Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found",
                detail: $"No approved spectrum has id {string.Join(", ", missing)}.");
        }

        var spectra = ids.Select(id => rows[id]).ToList();
        return new ContentResult { Content = Write(spectra), ContentType = FlattenedCsv.ContentType, StatusCode = StatusCodes.Status200OK };
    }

    private static List<int> ParseIds(string? q, Dictionary<string, string[]> errors)
    {
        var ids = new List<int>();
        foreach (var part in (q ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                errors["q"] = [$"'{part}' is not a spectrum id: q is a comma-separated list of spectrum ids, as in q=17,18."];
                return ids;
            }

            if (!ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        if (ids.Count == 0)
        {
            errors["q"] = ["q names no spectra: give a comma-separated list of spectrum ids, as in q=17,18."];
        }
        else if (ids.Count > MaxSpectra)
        {
            errors["q"] = [$"q names {ids.Count} spectra; at most {MaxSpectra} are served at once."];
        }

        return ids;
    }

    private static string Write(IReadOnlyList<SpectrumRow> spectra)
    {
        var min = spectra.Min(s => s.MinWave);
        var max = spectra.Max(s => s.MinWave + s.Values.Length - 1);
        string[] header = ["wavelength", .. spectra.Select(s => s.Name)];
        var table = new List<IReadOnlyList<string>>(max - min + 2) { header };
        for (var wave = min; wave <= max; wave++)
        {
            var row = new string[spectra.Count + 1];
            row[0] = wave.ToString(CultureInfo.InvariantCulture);
            for (var i = 0; i < spectra.Count; i++)
            {
                var index = wave - spectra[i].MinWave;
                row[i + 1] = index >= 0 && index < spectra[i].Values.Length ? PythonFloat.Format(spectra[i].Values[index]) : "";
            }

            table.Add(row);
        }

        return CsvText.Write(table);
    }
}

using FPbase.Data;
using FPbase.Data.Entities;
using FPbase.Data.Revisions.Edits;
using FPbase.Web.Features.Editing;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Microscopes;

/// <summary>Field checks of microscopes and optical configs; an error anywhere means nothing is written.</summary>
public static class MicroscopeValidation
{
    public const int MinLaser = 300;
    public const int MaxLaser = 1600;
    public const int MaxFilters = 20;

    public static EditErrors Check(MicroscopeRequest request, Microscope into)
    {
        var errors = new EditErrors();
        into.Name = Text(request.Name, "name", 128, required: true, errors);
        into.Description = Text(request.Description, "description", 512, required: false, errors);
        var lasers = request.ExtraLasers ?? [];
        if (lasers.Length > MaxFilters || lasers.Any(l => l is < MinLaser or > MaxLaser))
        {
            errors.Set("extra_lasers", $"At most {MaxFilters} laser lines, each {MinLaser}-{MaxLaser} nm.");
        }

        into.ExtraLasers = [.. lasers.Distinct().Order()];
        return errors;
    }

    /// <summary>Fills <paramref name="config"/> (name, light, camera, laser) and returns the placements to store.</summary>
    public static async Task<(List<FilterPlacement> Placements, EditErrors Errors)> CheckAsync(
        FpbaseDbContext db, OpticalConfigRequest request, OpticalConfig config, CancellationToken ct)
    {
        var errors = new EditErrors();
        config.Name = Text(request.Name, "name", 100, required: true, errors);
        config.Description = Text(request.Description, "description", 512, required: false, errors);
        config.Comments = Text(request.Comments, "comments", 256, required: false, errors);
        if (request.Laser is < MinLaser or > MaxLaser)
        {
            errors.Set("laser", $"A laser line of {MinLaser}-{MaxLaser} nm.");
        }

        config.Laser = request.Laser;
        config.LightId = await LookupAsync(request.Light, "light", slug => db.Lights.Where(l => l.Slug == slug).Select(l => (int?)l.Id), errors, ct);
        config.CameraId = await LookupAsync(request.Camera, "camera", slug => db.Cameras.Where(c => c.Slug == slug).Select(c => (int?)c.Id), errors, ct);

        var placements = new List<FilterPlacement>();
        var filters = request.Filters ?? [];
        if (filters.Length > MaxFilters)
        {
            errors.Set("filters", $"At most {MaxFilters} filters.");
            return (placements, errors);
        }

        for (var i = 0; i < filters.Length; i++)
        {
            var item = filters[i];
            if (item is null || !FpbaseCodes.TryParse<FilterPath>(item.Path, out var path))
            {
                errors.Set($"filters[{i}].path", "One of ex, em, bs.");
                continue;
            }

            var filterId = SafeText.IsLookupKey(item.Filter)
                ? await db.Filters.Where(f => f.Slug == item.Filter).Select(f => (int?)f.Id).FirstOrDefaultAsync(ct)
                : null;
            if (filterId is null)
            {
                errors.Set($"filters[{i}].filter", "The slug of a filter known to FPbase.");
                continue;
            }

            placements.Add(new FilterPlacement { FilterId = filterId.Value, Path = path, Reflects = item.Reflects });
        }

        return (placements, errors);
    }

    private static async Task<int?> LookupAsync(string? slug, string field, Func<string, IQueryable<int?>> find, EditErrors errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(slug))
        {
            return null;
        }

        var id = SafeText.IsLookupKey(slug) ? await find(slug.Trim()).FirstOrDefaultAsync(ct) : null;
        if (id is null)
        {
            errors.Set(field, $"The slug of a {field} known to FPbase.");
        }

        return id;
    }

    private static string Text(string? value, string field, int max, bool required, EditErrors errors)
    {
        var text = value?.Trim() ?? "";
        if ((required && text.Length == 0) || text.Length > max || text.Contains('\0', StringComparison.Ordinal))
        {
            errors.Set(field, required ? $"1 to {max} characters, no NUL." : $"At most {max} characters, no NUL.");
        }

        return text;
    }
}

using FPbase.Data;
using FPbase.Data.Entities;
using FPbase.Data.Revisions.Edits;
using FPbase.Web.Features.Editing;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Spectra.Submission;

/// <summary>
/// Turns a <see cref="SpectrumSubmission"/> into a pending <see cref="Spectrum"/>, or into field errors (then
/// nothing is written). Data must already be on the 1 nm grid: integer wavelengths, each 1 nm after the one before.
/// </summary>
public static class SpectrumSubmissionValidator
{
    public const int MinWave = 150;
    public const int MaxWave = 2000;
    public const int MaxPoints = MaxWave - MinWave + 1;
    public const int MaxTextLength = 128;

    /// <summary>FPbase's valid category/subtype pairs (the database's check constraint enforces the same).</summary>
    public static readonly IReadOnlyDictionary<SpectrumCategory, SpectrumSubtype[]> ValidSubtypes = new Dictionary<SpectrumCategory, SpectrumSubtype[]>
    {
        [SpectrumCategory.Protein] = [SpectrumSubtype.Excitation, SpectrumSubtype.Absorption, SpectrumSubtype.Emission, SpectrumSubtype.TwoPhoton],
        [SpectrumCategory.Dye] = [SpectrumSubtype.Excitation, SpectrumSubtype.Absorption, SpectrumSubtype.Emission, SpectrumSubtype.TwoPhoton],
        [SpectrumCategory.Filter] =
        [
            SpectrumSubtype.Bandpass, SpectrumSubtype.BandpassExcitation, SpectrumSubtype.BandpassEmission,
            SpectrumSubtype.ShortPass, SpectrumSubtype.LongPass, SpectrumSubtype.Beamsplitter,
        ],
        [SpectrumCategory.Light] = [SpectrumSubtype.PowerDistribution],
        [SpectrumCategory.Camera] = [SpectrumSubtype.QuantumEfficiency],
    };

    public static async Task<(Spectrum? Spectrum, EditErrors Errors)> ValidateAsync(
        FpbaseDbContext db, SpectrumSubmission request, string userId, CancellationToken ct)
    {
        var errors = new EditErrors();
        var spectrum = new Spectrum { Status = SpectrumStatus.Pending, CreatedBy = userId, UpdatedBy = userId };

        var categoryOk = FpbaseCodes.TryParse<SpectrumCategory>(request.Category, out var category);
        if (!categoryOk)
        {
            errors.Set("category", $"One of {string.Join(", ", FpbaseCodes.Codes<SpectrumCategory>())}.");
        }

        if (!FpbaseCodes.TryParse<SpectrumSubtype>(request.Subtype, out var subtype)
            || (categoryOk && !ValidSubtypes[category].Contains(subtype)))
        {
            errors.Set("subtype", categoryOk
                ? $"For category '{request.Category}' one of {string.Join(", ", ValidSubtypes[category].Select(s => s.ToCode()))}."
                : "A valid subtype code for the category.");
        }

        spectrum.Category = category;
        spectrum.Subtype = subtype;
        if (ReadData(request.Data) is { } data)
        {
            spectrum.SetData(data.MinWave, data.Values);
        }
        else
        {
            errors.Set("data", $"[[wave, value], ...]: 2 to {MaxPoints} points, integer wavelengths {MinWave}-{MaxWave} nm in steps of exactly 1 nm, finite values.");
        }

        if (request.Ph is { } ph && (!double.IsFinite(ph) || ph < 0 || ph > 14))
        {
            errors.Set("ph", "Between 0 and 14.");
        }

        spectrum.Ph = request.Ph;
        spectrum.Solvent = Text(request.Solvent, "solvent", errors);
        spectrum.Source = Text(request.Source, "source", errors);

        if (!string.IsNullOrWhiteSpace(request.Reference))
        {
            var doi = request.Reference.Trim();
            spectrum.ReferenceId = SafeText.IsLookupKey(doi)
                ? await db.References.Where(r => r.Doi == doi).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct)
                : null;
            if (spectrum.ReferenceId is null)
            {
                errors.Set("reference", "The DOI of a reference known to FPbase.");
            }
        }

        if (categoryOk)
        {
            await ResolveOwnerAsync(db, spectrum, category, request.Owner?.Trim() ?? "", errors, ct);
        }

        return errors.Any ? (null, errors) : (spectrum, errors);
    }

    private static async Task ResolveOwnerAsync(FpbaseDbContext db, Spectrum spectrum, SpectrumCategory category, string owner, EditErrors errors, CancellationToken ct)
    {
        if (!SafeText.IsLookupKey(owner))
        {
            errors.Set("owner", "The slug of a protein state, dye state, filter, light or camera.");
            return;
        }

        var spectra = db.Spectra.IgnoreQueryFilters();
        switch (category)
        {
            case SpectrumCategory.Protein:
                spectrum.OwnerFluorId = await db.States.Where(s => s.Slug == owner).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
                break;
            case SpectrumCategory.Dye:
                spectrum.OwnerFluorId = await db.DyeStates.Where(s => s.Slug == owner).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
                break;
            case SpectrumCategory.Filter:
                spectrum.OwnerFilterId = await db.Filters.Where(f => f.Slug == owner).Select(f => (int?)f.Id).FirstOrDefaultAsync(ct);
                if (spectrum.OwnerFilterId is { } filter && await spectra.AnyAsync(s => s.OwnerFilterId == filter, ct))
                {
                    errors.Set("owner", "This filter already has a spectrum (approved or pending).");
                    return;
                }

                break;
            case SpectrumCategory.Light:
                spectrum.OwnerLightId = await db.Lights.Where(l => l.Slug == owner).Select(l => (int?)l.Id).FirstOrDefaultAsync(ct);
                if (spectrum.OwnerLightId is { } light && await spectra.AnyAsync(s => s.OwnerLightId == light, ct))
                {
                    errors.Set("owner", "This light already has a spectrum (approved or pending).");
                    return;
                }

                break;
            case SpectrumCategory.Camera:
                spectrum.OwnerCameraId = await db.Cameras.Where(c => c.Slug == owner).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
                if (spectrum.OwnerCameraId is { } camera && await spectra.AnyAsync(s => s.OwnerCameraId == camera, ct))
                {
                    errors.Set("owner", "This camera already has a spectrum (approved or pending).");
                    return;
                }

                break;
        }

        if (spectrum.OwnerFluorId is null && spectrum.OwnerFilterId is null && spectrum.OwnerLightId is null && spectrum.OwnerCameraId is null)
        {
            errors.Set("owner", $"No {category.ToString().ToLowerInvariant()} {(category is SpectrumCategory.Protein or SpectrumCategory.Dye ? "state " : "")}has the slug '{owner}'.");
        }
    }

    /// <summary>The values on the 1 nm grid, or null when the data is not a list of 1 nm steps.</summary>
    public static (int MinWave, float[] Values)? ReadData(double[][]? data)
    {
        if (data is null || data.Length < 2 || data.Length > MaxPoints)
        {
            return null;
        }

        var values = new float[data.Length];
        var first = 0;
        for (var i = 0; i < data.Length; i++)
        {
            if (data[i] is not [var wave, var value] || !double.IsFinite(wave) || !double.IsFinite(value)
                || wave != Math.Floor(wave) || wave < MinWave || wave > MaxWave || Math.Abs(value) > 1e9)
            {
                return null;
            }

            if (i == 0)
            {
                first = (int)wave;
            }
            else if ((int)wave != first + i)
            {
                return null;
            }

            values[i] = (float)value;
        }

        return (first, values);
    }

    private static string Text(string? value, string field, EditErrors errors)
    {
        var text = value?.Trim() ?? "";
        if (text.Length > MaxTextLength || text.Contains('\0', StringComparison.Ordinal))
        {
            errors.Set(field, $"At most {MaxTextLength} characters, no NUL.");
            return "";
        }

        return text;
    }
}

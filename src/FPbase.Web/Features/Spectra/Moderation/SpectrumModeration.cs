using FPbase.Data;
using FPbase.Data.Entities;
using FPbase.Web.Features.Editing;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Spectra.Moderation;

/// <summary>A pending spectrum as the moderation page lists it.</summary>
public sealed record PendingSpectrum(int Id, string Category, string Subtype, string Owner, int MinWave, int MaxWave, DateTime Created);

/// <summary>
/// Staff decisions on submitted spectra: approve (it appears everywhere at once) or reject. A spectrum is decided
/// once: of two decisions taken at once, the second finds it no longer pending.
/// </summary>
public static class SpectrumModeration
{
    public enum Outcome
    {
        Done,
        NotFound,
        NotPending,
    }

    public static async Task<List<PendingSpectrum>> PendingAsync(FpbaseDbContext db, CancellationToken ct)
    {
        var rows = await db.Spectra.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.Status == SpectrumStatus.Pending)
            .OrderBy(s => s.Id)
            .Select(s => new
            {
                s.Id,
                s.Category,
                s.Subtype,
                s.MinWave,
                s.MaxWave,
                s.Created,
                Owner = s.OwnerFluor != null ? s.OwnerFluor.Slug
                    : s.OwnerFilter != null ? s.OwnerFilter.Slug
                    : s.OwnerLight != null ? s.OwnerLight.Slug
                    : s.OwnerCamera != null ? s.OwnerCamera.Slug : "",
            })
            .Take(500)
            .ToListAsync(ct);
        return rows.Select(s => new PendingSpectrum(s.Id, s.Category.ToCode(), s.Subtype.ToCode(), s.Owner, s.MinWave, s.MaxWave, s.Created)).ToList();
    }

    public static async Task<Outcome> DecideAsync(FpbaseDbContext db, int id, SpectrumStatus decision, string userId, CancellationToken ct)
    {
        var spectrum = await db.Spectra.IgnoreQueryFilters().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (spectrum is null)
        {
            return Outcome.NotFound;
        }

        if (spectrum.Status != SpectrumStatus.Pending)
        {
            return Outcome.NotPending;
        }

        spectrum.Status = decision;
        spectrum.UpdatedBy = userId;
        try
        {
            // Status is a concurrency token: the UPDATE says WHERE status = 'pending'.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another decision was recorded after we read the spectrum pending; this one changed nothing.
            return Outcome.NotPending;
        }

        return Outcome.Done;
    }
}

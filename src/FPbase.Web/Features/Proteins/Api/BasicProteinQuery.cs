using FPbase.Data.Entities;
using FPbase.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Proteins.Api;

/// <summary>
/// <c>/api/proteins/basic/</c>: visible (not hidden) basic proteins, by name then id, with their default
/// state's values and its best photostability (the highest bleach rate), in one SQL query.
/// </summary>
internal static class BasicProteinQuery
{
    public static IQueryable<Protein> Source(IQueryable<Protein> proteins)
        => proteins.Where(p => p.Status != ProteinStatus.Hidden && p.SwitchType == SwitchType.Basic);

    public static async Task<List<BasicProteinItem>> LoadAsync(IQueryable<Protein> proteins, CancellationToken cancellationToken)
        => await proteins.AsNoTracking()
            .OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new BasicProteinItem(
                "/protein/" + p.Slug + "/",
                p.Name,
                p.DefaultState != null ? p.DefaultState.EmMax - p.DefaultState.ExMax : null,
                p.Slug,
                p.IpgId,
                Codes.Of(p.Agg),
                p.DefaultState != null ? p.DefaultState.ExMax : null,
                p.DefaultState != null ? p.DefaultState.EmMax : null,
                p.DefaultState != null ? p.DefaultState.ExtCoeff : null,
                p.DefaultState != null ? p.DefaultState.Qy : null,
                p.DefaultState != null ? p.DefaultState.Pka : null,
                p.DefaultState != null ? p.DefaultState.Brightness : null,
                p.DefaultState != null ? p.DefaultState.BleachMeasurements.Max(b => (double?)b.Rate) : null,
                p.DefaultState != null ? p.DefaultState.Maturation : null,
                p.DefaultState != null ? p.DefaultState.Lifetime : null,
                p.Cofactor))
            .ToListAsync(cancellationToken);
}

using FPbase.Data.Entities;
using FPbase.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Proteins.Api;

/// <summary>
/// <c>/api/proteins/table-data/</c>: visible (not hidden) proteins by name then id, each with its
/// non-dark states by id and its primary reference's year, in one SQL query; weights computed here.
/// </summary>
internal static class ProteinTableQuery
{
    public static IQueryable<Protein> Source(IQueryable<Protein> proteins) => proteins.Where(p => p.Status != ProteinStatus.Hidden);

    public static async Task<List<ProteinTableItem>> LoadAsync(IQueryable<Protein> proteins, CancellationToken cancellationToken)
        => await proteins.AsNoTracking()
            .OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new ProteinTableItem(
                p.Name,
                p.Slug,
                "/protein/" + p.Slug + "/",
                p.States.Where(s => !s.IsDark).OrderBy(s => s.Id).Select(s => new ProteinTableStateItem(
                    s.Name, s.ExMax, s.EmMax, s.EmMax - s.ExMax, s.ExtCoeff, s.Qy, s.Brightness, s.Pka, s.Maturation, s.Lifetime,
                    s.ExHex, s.EmHex, s.IsDark)).ToList(),
                Codes.Of(p.Agg),
                Codes.Of(p.SwitchType),
                p.Aliases,
                p.PrimaryReference != null ? p.PrimaryReference.Year : null,
                ProteinWeight.KiloDaltons(p.Seq)))
            .ToListAsync(cancellationToken);
}

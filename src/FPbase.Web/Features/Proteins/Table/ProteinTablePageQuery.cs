using FPbase.Data;
using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Proteins.Table;

/// <summary>Every state of every visible (not hidden) protein, in one projection, ordered by protein name.</summary>
internal static class ProteinTablePageQuery
{
    public static async Task<IReadOnlyList<ProteinTableRow>> LoadAsync(FpbaseDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.States.AsNoTracking()
            .Where(s => s.Protein.Status != ProteinStatus.Hidden)
            .OrderBy(s => s.Id) // the sort below is stable: rows that tie on everything it compares stay in id order
            .Select(s => new ProteinTableRow(
                s.Protein.Name, s.Protein.Slug, s.Name, s.Protein.DefaultStateId == s.Id,
                s.ExMax, s.EmMax, s.EmHex, s.ExtCoeff, s.Qy, s.Brightness, s.Pka, s.Maturation,
                s.Protein.Agg, s.Protein.SwitchType))
            .ToListAsync(cancellationToken);
        return rows
            .OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Slug, StringComparer.Ordinal)
            .ThenByDescending(r => r.IsDefaultState).ThenBy(r => r.State, StringComparer.Ordinal)
            .ToList();
    }
}

using FPbase.Data.Entities;
using FPbase.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Proteins.Api;

/// <summary>
/// <c>/api/proteins/</c>: every protein (FPbase lists all statuses; <c>?status=</c> narrows), by name
/// then id, with states and transitions by id, in one SQL query.
/// </summary>
internal static class ProteinListQuery
{
    public static async Task<List<ProteinItem>> LoadAsync(IQueryable<Protein> proteins, CancellationToken cancellationToken)
        => await proteins.AsNoTracking()
            .OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new ProteinItem(
                p.Uuid,
                p.Name,
                p.Slug,
                p.Seq,
                p.IpgId,
                p.Genbank,
                p.Uniprot,
                p.Pdb,
                Codes.Of(p.Agg),
                Codes.Of(p.SwitchType),
                p.States.OrderBy(s => s.Id).Select(s => new ProteinStateItem(
                    s.Slug, s.Name, s.ExMax, s.EmMax, s.ExtCoeff, s.Qy, s.Pka, s.Maturation, s.Lifetime, s.Brightness)).ToList(),
                p.Transitions.OrderBy(t => t.Id).Select(t => new StateTransitionItem(t.FromState.Slug, t.ToState.Slug, t.TransWave)).ToList(),
                p.PrimaryReference != null ? p.PrimaryReference.Doi : null))
            .ToListAsync(cancellationToken);
}

using FPbase.Data;
using FPbase.Data.Entities;
using FPbase.Web.Features.Editing;
using FPbase.Web.Features.Proteins.Api;
using FPbase.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Proteins.Editing;

/// <summary>Loads <see cref="ProteinDetail"/> by slug (null when no protein has it).</summary>
internal static class ProteinDetailQuery
{
    public static async Task<ProteinDetail?> LoadAsync(FpbaseDbContext db, string slug, CancellationToken ct)
    {
        var key = slug.ToLowerInvariant();
        var items = await ProteinListQuery.LoadAsync(db.Proteins.Where(p => p.Slug == key), ct);
        if (items.Count == 0)
        {
            return null;
        }

        var p = items[0];
        var references = await db.ProteinReferences.AsNoTracking().Where(r => r.Protein.Slug == key)
            .OrderBy(r => r.ReferenceId).Select(r => r.Reference.Doi).ToListAsync(ct);
        var excerpts = (await db.Excerpts.AsNoTracking().Where(e => e.Proteins.Any(x => x.Slug == key)).OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.Content, Doi = e.Reference != null ? e.Reference.Doi : null, e.Status }).ToListAsync(ct))
            .Select(e => new ExcerptItem(e.Id, e.Content, e.Doi, e.Status.ToCode())).ToList();
        var bleach = (await db.BleachMeasurements.AsNoTracking().Where(b => b.State.Protein.Slug == key).OrderBy(b => b.Id)
            .Select(b => new { b.State.Slug, b.Rate, b.Power, b.Units, b.Light, b.Modality, b.InCell, Doi = b.Reference != null ? b.Reference.Doi : null })
            .ToListAsync(ct))
            .Select(b => new BleachItem(b.Slug, b.Rate, b.Power, b.Units, b.Light?.ToCode(), b.Modality?.ToCode(), b.InCell, b.Doi)).ToList();
        return new ProteinDetail(
            p.Uuid, p.Name, p.Slug, p.Seq, p.IpgId, p.Genbank, p.Uniprot, p.Pdb, p.Agg, p.SwitchType, p.States, p.Transitions, p.Doi,
            references, excerpts, bleach);
    }
}

using FPbase.Data;
using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Routes;

/// <summary>Real rows of the seeded database, to fill route parameters with values that exist.</summary>
public sealed record SampleValues(
    string ProteinSlug,
    string ProteinUuid,
    int SpectrumId,
    string MicroscopeId,
    int ReferenceId,
    string ReferenceDoi,
    string DyeSlug,
    string FilterSlug,
    int OpticalConfigId,
    string LineageProteinSlug,
    int OrganismId,
    int AuthorId)
{
    /// <summary>EGFP (R9NL8) and its excitation spectrum 17, from the real FPbase sample; the first microscope, dye, filter, config and protein with a lineage parent; EGFP's organism and the first author of a reference.</summary>
    public static async Task<SampleValues> LoadAsync(FpbaseDbContext db)
    {
        var egfp = await db.Proteins.AsNoTracking().SingleAsync(p => p.Slug == "egfp");
        var reference = await db.References.AsNoTracking().SingleAsync(r => r.Id == egfp.PrimaryReferenceId);
        return new SampleValues(
            egfp.Slug,
            egfp.Uuid,
            await db.Spectra.Where(s => s.Id == 17).Select(s => s.Id).SingleAsync(),
            await db.Microscopes.OrderBy(m => m.Name).Select(m => m.Id).FirstAsync(),
            reference.Id,
            reference.Doi,
            await db.Dyes.OrderBy(d => d.Slug).Select(d => d.Slug).FirstAsync(),
            await db.Filters.OrderBy(f => f.Slug).Select(f => f.Slug).FirstAsync(),
            await db.OpticalConfigs.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync(),
            await db.Set<Lineage>().Where(l => l.ParentId != null).OrderBy(l => l.Id).Select(l => l.Protein.Slug).FirstAsync(),
            egfp.ParentOrganismId!.Value,
            await db.ReferenceAuthors.OrderBy(ra => ra.AuthorId).Select(ra => ra.AuthorId).FirstAsync());
    }
}

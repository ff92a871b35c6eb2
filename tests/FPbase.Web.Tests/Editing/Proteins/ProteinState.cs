using FPbase.Data.Revisions;
using FPbase.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Tests.Editing.Proteins;

/// <summary>What "nothing changed" is checked against: the protein's whole aggregate, its revisions and the reference and excerpt counts.</summary>
internal static class ProteinState
{
    public static Task<string> FingerprintAsync(FpbaseApplication app, string slug)
        => app.WithDbAsync(async db =>
        {
            var session = await ProteinEditSession.BeginAsync(db, slug, default) ?? throw new InvalidOperationException($"No protein {slug}.");
            var revisions = await db.ProteinRevisions.CountAsync(r => r.ProteinId == session.Protein.Id);
            return $"{session.Before.ToJson()} revisions={revisions} references={await db.References.CountAsync()} excerpts={await db.Excerpts.CountAsync()}";
        });
}

using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Data.Revisions;

/// <summary>
/// One edit of a protein's aggregate, recorded as a <see cref="ProteinRevision"/>: load (tracked, with
/// everything a snapshot holds), change the entities, <see cref="CommitAsync"/>. The change and its revision
/// are written in one transaction (the revision's "after" needs the ids of rows the change inserts), so
/// either both are stored or neither. No cache code: the EF Core interceptors bump what the change touched.
/// </summary>
public sealed class ProteinEditSession
{
    private readonly FpbaseDbContext _db;

    private ProteinEditSession(FpbaseDbContext db, Protein protein)
    {
        _db = db;
        Protein = protein;
        Before = ProteinSnapshot.Of(protein);
    }

    public Protein Protein { get; }

    public ProteinSnapshot Before { get; }

    /// <summary>The version the client's If-Match names, if any: the commit fails unless the protein is still at it.</summary>
    public Guid? ExpectedVersion { get; set; }

    /// <summary>The session of the protein with this slug, or null when there is none.</summary>
    public static async Task<ProteinEditSession?> BeginAsync(FpbaseDbContext db, string slug, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = (slug ?? "").ToLowerInvariant();
        var protein = await db.Proteins
            .Include(p => p.States).ThenInclude(s => s.BleachMeasurements)
            .Include(p => p.Transitions)
            .Include(p => p.ProteinReferences)
            .Include(p => p.Excerpts)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Slug == key, ct).ConfigureAwait(false);
        return protein is null ? null : new ProteinEditSession(db, protein);
    }

    /// <summary>
    /// Saves the change and its revision (who, what) atomically. Returns the revision. Every edit writes the protein's
    /// row and gives it a new version, also when only child rows changed, and the UPDATE requires the version loaded
    /// (or <see cref="ExpectedVersion"/>): a concurrent edit of the same protein makes this throw
    /// <see cref="DbUpdateConcurrencyException"/>, and nothing is saved.
    /// </summary>
    public async Task<ProteinRevision> CommitAsync(string action, string? userId, string userName, int? revertedFromId, CancellationToken ct)
    {
        Protein.UpdatedBy = Truncate(userName, 64);
        _db.ExpectRowVersion(Protein, ExpectedVersion);
        var strategy = _db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await _db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            await _db.SaveChangesAsync(ct).ConfigureAwait(false);
            var revision = new ProteinRevision
            {
                ProteinId = Protein.Id,
                Action = action,
                UserId = userId,
                UserName = userName,
                Before = Before.ToJson(),
                After = ProteinSnapshot.Of(Protein).ToJson(),
                RevertedFromId = revertedFromId,
            };
            _db.Add(revision);
            await _db.SaveChangesAsync(ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return revision;
        }).ConfigureAwait(false);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}

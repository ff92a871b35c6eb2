using System.Diagnostics;
using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FPbase.Data.Seeding;

/// <summary>
/// Writes <see cref="SeedData"/> through EF Core: AddRange + SaveChanges in batches with change detection off
/// and the change tracker cleared between batches, inside one transaction. Circular links (protein default
/// states, lineage roots) are applied afterwards as tracked updates. On PostgreSQL the identity sequences are
/// moved past the explicit ids.
/// </summary>
internal static class DatabaseSeeder
{
    public static SeedData BuildData(SeedOptions options)
    {
        var data = options.ImportSample ? SampleImporter.Load() : new SeedData();
        if (options.Generate)
        {
            DataGenerator.Generate(options, data);
        }

        return data;
    }

    public static async Task SeedAsync(FpbaseDbContext db, SeedOptions options, ILogger logger, CancellationToken ct)
    {
        var total = Stopwatch.StartNew();
        var sw = Stopwatch.StartNew();
        var data = BuildData(options);
        logger.LogInformation(
            "Seed data built in {Elapsed} ms: {Proteins} proteins, {States} states, {Spectra} spectra, {Filters} filters",
            sw.ElapsedMilliseconds, data.Proteins.Count, data.States.Count, data.Spectra.Count, data.Filters.Count);

        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            var batch = Math.Max(100, options.BatchSize);

            await InsertAsync(db, data.Organisms, "organisms", batch, logger, ct).ConfigureAwait(false);
            await InsertAsync(db, data.References, "references", batch, logger, ct).ConfigureAwait(false);
            await InsertAsync(db, data.Authors, "authors", batch, logger, ct).ConfigureAwait(false);
            await InsertAsync(db, data.ReferenceAuthors, "reference authors", batch, logger, ct).ConfigureAwait(false);
            await InsertAsync(db, data.Proteins, "proteins", batch, logger, ct).ConfigureAwait(false);
            await InsertAsync(db, data.Dyes, "dyes", batch, logger, ct).ConfigureAwait(false);
            await InsertAsync(db, data.States, "fluorescent states", batch, logger, ct).ConfigureAwait(false);
            await InsertAsync(db, data.ProteinReferences, "protein references", batch, logger, ct).ConfigureAwait(false);
            await InsertAsync(db, data.Filters, "filters", batch, logger, ct).ConfigureAwait(false);
            await InsertAsync(db, data.Lights, "lights", batch, logger, ct).ConfigureAwait(false);
            await InsertAsync(db, data.Cameras, "cameras", batch, logger, ct).ConfigureAwait(false);
            await InsertAsync(db, data.Spectra, "spectra", Math.Min(batch, 1000), logger, ct).ConfigureAwait(false);
            await InsertAsync(db, data.Microscopes, "microscopes", batch, logger, ct).ConfigureAwait(false);
            await InsertJoinAsync(db, "microscope_extra_lights", data.MicroscopeExtraLights.Select(x => Join("MicroscopeId", x.MicroscopeId, "LightId", x.LightId)), batch, logger, ct).ConfigureAwait(false);
            await InsertJoinAsync(db, "microscope_extra_cameras", data.MicroscopeExtraCameras.Select(x => Join("MicroscopeId", x.MicroscopeId, "CameraId", x.CameraId)), batch, logger, ct).ConfigureAwait(false);
            await InsertAsync(db, data.OpticalConfigs, "optical configs", batch, logger, ct).ConfigureAwait(false);
            await InsertAsync(db, data.FilterPlacements, "filter placements", batch, logger, ct).ConfigureAwait(false);
            await InsertAsync(db, data.Lineages, "lineages", batch, logger, ct).ConfigureAwait(false);
            await InsertAsync(db, data.Excerpts, "excerpts", batch, logger, ct).ConfigureAwait(false);
            await InsertJoinAsync(db, "excerpt_proteins", data.ExcerptProteins.Select(x => Join("ExcerptId", x.ExcerptId, "ProteinId", x.ProteinId)), batch, logger, ct).ConfigureAwait(false);
            await InsertAsync(db, data.BleachMeasurements, "bleach measurements", batch, logger, ct).ConfigureAwait(false);
            await InsertAsync(db, data.StateTransitions, "state transitions", batch, logger, ct).ConfigureAwait(false);
            await InsertAsync(db, data.OserMeasurements, "OSER measurements", batch, logger, ct).ConfigureAwait(false);

            await LinkAsync(db, data, batch, logger, ct).ConfigureAwait(false);

            if (db.IsPostgres)
            {
                await ResetSequencesAsync(db, ct).ConfigureAwait(false);
            }

            await tx.CommitAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }

        logger.LogInformation(
            "Seeding finished in {Elapsed} ms ({Spectra} spectra, {Proteins} proteins)",
            total.ElapsedMilliseconds, data.Spectra.Count, data.Proteins.Count);
    }

    private static async Task InsertAsync<T>(FpbaseDbContext db, IReadOnlyList<T> rows, string stage, int batch, ILogger logger, CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var sw = Stopwatch.StartNew();
        for (var i = 0; i < rows.Count; i += batch)
        {
            var count = Math.Min(batch, rows.Count - i);
            var set = db.Set<T>();
            for (var j = i; j < i + count; j++)
            {
                set.Add(rows[j]);
            }

            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            db.ChangeTracker.Clear();
        }

        logger.LogInformation("Seeded {Count} {Stage} in {Elapsed} ms", rows.Count, stage, sw.ElapsedMilliseconds);
    }

    private static async Task InsertJoinAsync(FpbaseDbContext db, string table, IEnumerable<Dictionary<string, object>> rows, int batch, ILogger logger, CancellationToken ct)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            return;
        }

        var sw = Stopwatch.StartNew();
        for (var i = 0; i < list.Count; i += batch)
        {
            db.Set<Dictionary<string, object>>(table).AddRange(list.Skip(i).Take(batch));
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            db.ChangeTracker.Clear();
        }

        logger.LogInformation("Seeded {Count} {Stage} in {Elapsed} ms", list.Count, table, sw.ElapsedMilliseconds);
    }

    private static Dictionary<string, object> Join(string k1, object v1, string k2, object v2) => new() { [k1] = v1, [k2] = v2 };

    private static async Task LinkAsync(FpbaseDbContext db, SeedData data, int batch, ILogger logger, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        var proteins = data.Proteins.Where(p => data.DefaultStates.ContainsKey(p.Id)).ToList();
        for (var i = 0; i < proteins.Count; i += batch)
        {
            foreach (var protein in proteins.Skip(i).Take(batch))
            {
                db.Attach(protein);
                protein.DefaultStateId = data.DefaultStates[protein.Id];
                db.Entry(protein).Property(p => p.DefaultStateId).IsModified = true;
            }

            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            db.ChangeTracker.Clear();
        }

        var lineages = data.Lineages.Where(l => data.LineageRoots.ContainsKey(l.Id)).ToList();
        for (var i = 0; i < lineages.Count; i += batch)
        {
            foreach (var lineage in lineages.Skip(i).Take(batch))
            {
                db.Attach(lineage);
                lineage.RootNodeId = data.LineageRoots[lineage.Id];
                db.Entry(lineage).Property(l => l.RootNodeId).IsModified = true;
            }

            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            db.ChangeTracker.Clear();
        }

        logger.LogInformation(
            "Linked {Proteins} default states and {Roots} lineage roots in {Elapsed} ms",
            proteins.Count, lineages.Count, sw.ElapsedMilliseconds);
    }

    private static async Task ResetSequencesAsync(FpbaseDbContext db, CancellationToken ct)
    {
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            var key = entity.FindPrimaryKey();
            if (table is null || entity.BaseType is not null || key is not { Properties.Count: 1 }
                || key.Properties[0].ClrType != typeof(int) || key.Properties[0].ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never)
            {
                continue;
            }

            var column = key.Properties[0].GetColumnName();
#pragma warning disable EF1002 // identifiers come from the model, not from input
            await db.Database.ExecuteSqlRawAsync(
                $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), COALESCE((SELECT MAX(\"{column}\") FROM \"{table}\"), 0) + 1, false)",
                ct).ConfigureAwait(false);
#pragma warning restore EF1002
        }
    }
}

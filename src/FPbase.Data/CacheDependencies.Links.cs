using FPbase.Caching;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Data;

// The second half of the map: the links from the rows a write touched to the rows whose pages show them, resolved
// with one query per link. CacheDependencies.cs says what each entity touches; this file how far that reaches.
public sealed partial class CacheDependencies
{
    /// <summary>
    /// The rows found on the entries, by kind, and the links from them to the rows whose pages show them: one
    /// method per link, one query each, run in an order in which every link's input is complete before it is read.
    /// </summary>
    private sealed class AffectedRows : IResourceLinks
    {
        /// <summary>Slugs, uuids and alias keys of proteins whose pages are bumped (<c>protein:{key}</c>).</summary>
        public HashSet<string> ProteinKeys { get; } = [];

        /// <summary>Proteins whose pages show the write; resolved to their slugs and uuids last.</summary>
        public HashSet<int> ProteinIds { get; } = [];

        /// <summary>Proteins whose names their lineage parent's and children's pages show.</summary>
        public HashSet<int> LineageNeighboursOf { get; } = [];

        public HashSet<int> LineageIds { get; } = [];

        /// <summary>Fluorescent states (of a protein or a dye) whose owner's page shows the write.</summary>
        public HashSet<int> StateIds { get; } = [];

        public HashSet<int> DyeIds { get; } = [];

        public HashSet<string> DyeSlugs { get; } = [];

        public HashSet<int> OrganismIds { get; } = [];

        public HashSet<int> AuthorIds { get; } = [];

        /// <summary>References whose own pages and citing proteins' pages show the write.</summary>
        public HashSet<int> ReferenceIds { get; } = [];

        /// <summary>References whose own pages (by id and by DOI) show the write, not their citing proteins'.</summary>
        public HashSet<int> ReferencePageIds { get; } = [];

        public HashSet<string> ReferenceDois { get; } = [];

        public HashSet<int> ExcerptIds { get; } = [];

        /// <summary>Protein names and aliases (old and new) whose mentions in excerpts are links.</summary>
        public HashSet<string> MentionedNames { get; } = new(StringComparer.Ordinal);

        public HashSet<int> FilterIds { get; } = [];

        public HashSet<int> LightIds { get; } = [];

        public HashSet<int> CameraIds { get; } = [];

        public HashSet<int> ConfigIds { get; } = [];

        public HashSet<string> MicroscopeIds { get; } = [];

        public bool IsEmpty =>
            ProteinKeys.Count + ProteinIds.Count + LineageNeighboursOf.Count + LineageIds.Count + StateIds.Count + DyeIds.Count
            + DyeSlugs.Count + OrganismIds.Count + AuthorIds.Count + ReferenceIds.Count + ReferencePageIds.Count + ReferenceDois.Count
            + ExcerptIds.Count + MentionedNames.Count + FilterIds.Count + LightIds.Count + CameraIds.Count + ConfigIds.Count + MicroscopeIds.Count == 0;

        /// <remarks>
        /// Runs twice (before the write and after its commit); the sets only grow, so the second run
        /// looks up at least what the first did.
        /// </remarks>
        public async ValueTask ResolveAsync(DbContext context, ISet<string> resources, CancellationToken ct)
        {
            var db = (FpbaseDbContext)context;
            await StatesToTheirProteinsAndDyes(db, ct).ConfigureAwait(false);
            await DyesToTheirSlugs(db, ct).ConfigureAwait(false);
            await AuthorsToTheirReferences(db, ct).ConfigureAwait(false);
            await ReferencesToTheProteinsCitingThem(db, ct).ConfigureAwait(false);
            await NamesToTheExcerptsMentioningThem(db, ct).ConfigureAwait(false);
            await ExcerptsToTheirProteinsAndReferences(db, ct).ConfigureAwait(false);
            await ProteinsToTheirLineageNeighbours(db, ct).ConfigureAwait(false);
            await OrganismsToTheirProteins(db, ct).ConfigureAwait(false);
            await LineagesToTheirProteins(db, ct).ConfigureAwait(false);
            await ProductsToTheConfigsUsingThem(db, ct).ConfigureAwait(false);
            await ConfigsToTheirMicroscopes(db, ct).ConfigureAwait(false);
            await ProteinsToTheirKeys(db, ct).ConfigureAwait(false);
            await ReferencesToTheirDois(db, ct).ConfigureAwait(false);

            AddRows(resources, ProteinRow, ProteinKeys);
            AddRows(resources, DyeRow, DyeSlugs);
            AddRows(resources, ReferenceRow, ReferencePageIds);
            AddRows(resources, ReferenceRow, ReferenceDois.Where(doi => doi.Length > 0));
            AddRows(resources, MicroscopeRow, MicroscopeIds);
        }

        /// <summary>A spectrum or bleach measurement shows on its state's protein or dye page.</summary>
        private async Task StatesToTheirProteinsAndDyes(FpbaseDbContext db, CancellationToken ct)
        {
            if (StateIds.Count == 0)
            {
                return;
            }

            var ids = StateIds.ToList();
            ProteinIds.UnionWith(await db.States.Where(s => ids.Contains(s.Id)).Select(s => s.ProteinId).ToListAsync(ct).ConfigureAwait(false));
            DyeIds.UnionWith(await db.DyeStates.Where(s => ids.Contains(s.Id)).Select(s => s.DyeId).ToListAsync(ct).ConfigureAwait(false));
        }

        private async Task DyesToTheirSlugs(FpbaseDbContext db, CancellationToken ct)
        {
            if (DyeIds.Count == 0)
            {
                return;
            }

            var ids = DyeIds.ToList();
            DyeSlugs.UnionWith(await db.Dyes.Where(d => ids.Contains(d.Id)).Select(d => d.Slug).ToListAsync(ct).ConfigureAwait(false));
        }

        private async Task AuthorsToTheirReferences(FpbaseDbContext db, CancellationToken ct)
        {
            if (AuthorIds.Count == 0)
            {
                return;
            }

            var ids = AuthorIds.ToList();
            ReferenceIds.UnionWith(await db.ReferenceAuthors.Where(ra => ids.Contains(ra.AuthorId)).Select(ra => ra.ReferenceId).ToListAsync(ct).ConfigureAwait(false));
        }

        /// <summary>
        /// A reference shows on its own page and on the pages of the proteins that cite it: as a reference, as their
        /// primary reference, for a bleach measurement, or through an excerpt about them.
        /// </summary>
        private async Task ReferencesToTheProteinsCitingThem(FpbaseDbContext db, CancellationToken ct)
        {
            if (ReferenceIds.Count == 0)
            {
                return;
            }

            var ids = ReferenceIds.ToList();
            ProteinIds.UnionWith(await db.ProteinReferences.Where(pr => ids.Contains(pr.ReferenceId)).Select(pr => pr.ProteinId).ToListAsync(ct).ConfigureAwait(false));
            ProteinIds.UnionWith(await db.Proteins.Where(p => p.PrimaryReferenceId != null && ids.Contains(p.PrimaryReferenceId.Value)).Select(p => p.Id).ToListAsync(ct).ConfigureAwait(false));
            // A protein's JSON shows the DOI of each of its bleach measurements' references.
            ProteinIds.UnionWith(await db.BleachMeasurements.Where(b => b.ReferenceId != null && ids.Contains(b.ReferenceId.Value)).Select(b => b.State.ProteinId).ToListAsync(ct).ConfigureAwait(false));
            // Excerpts show their reference's citation on the pages of the proteins they are about.
            ProteinIds.UnionWith(await db.Set<Dictionary<string, object>>(ExcerptProteinJoin)
                .Where(j => db.Excerpts.Any(e => e.Id == EF.Property<int>(j, "ExcerptId") && e.ReferenceId != null && ids.Contains(e.ReferenceId.Value)))
                .Select(j => EF.Property<int>(j, "ProteinId")).ToListAsync(ct).ConfigureAwait(false));
            ReferencePageIds.UnionWith(ReferenceIds);
        }

        /// <summary>
        /// An excerpt links the protein names it mentions (case as written, as the links match): one query per name,
        /// and only for a protein whose names, slug or visibility changed.
        /// </summary>
        private async Task NamesToTheExcerptsMentioningThem(FpbaseDbContext db, CancellationToken ct)
        {
            foreach (var name in MentionedNames.Where(n => n.Length > 1))
            {
                ExcerptIds.UnionWith(await db.Excerpts.Where(e => e.Content.Contains(name)).Select(e => e.Id).ToListAsync(ct).ConfigureAwait(false));
            }
        }

        /// <summary>An excerpt shows on the pages of the proteins it is about, and on its reference's page with them.</summary>
        private async Task ExcerptsToTheirProteinsAndReferences(FpbaseDbContext db, CancellationToken ct)
        {
            if (ExcerptIds.Count == 0)
            {
                return;
            }

            var ids = ExcerptIds.ToList();
            ProteinIds.UnionWith(await db.Set<Dictionary<string, object>>(ExcerptProteinJoin)
                .Where(j => ids.Contains(EF.Property<int>(j, "ExcerptId")))
                .Select(j => EF.Property<int>(j, "ProteinId")).ToListAsync(ct).ConfigureAwait(false));
            ReferencePageIds.UnionWith(await db.Excerpts.Where(e => ids.Contains(e.Id) && e.ReferenceId != null)
                .Select(e => e.ReferenceId!.Value).ToListAsync(ct).ConfigureAwait(false));
        }

        /// <summary>A protein page links its lineage parent and children by name.</summary>
        private async Task ProteinsToTheirLineageNeighbours(FpbaseDbContext db, CancellationToken ct)
        {
            if (LineageNeighboursOf.Count == 0)
            {
                return;
            }

            var ids = LineageNeighboursOf.ToList();
            ProteinIds.UnionWith(await db.Lineages
                .Where(l => (l.Parent != null && ids.Contains(l.Parent.ProteinId)) || l.Children.Any(c => ids.Contains(c.ProteinId)))
                .Select(l => l.ProteinId).ToListAsync(ct).ConfigureAwait(false));
        }

        private async Task OrganismsToTheirProteins(FpbaseDbContext db, CancellationToken ct)
        {
            if (OrganismIds.Count == 0)
            {
                return;
            }

            var ids = OrganismIds.ToList();
            ProteinIds.UnionWith(await db.Proteins.Where(p => p.ParentOrganismId != null && ids.Contains(p.ParentOrganismId.Value)).Select(p => p.Id).ToListAsync(ct).ConfigureAwait(false));
        }

        private async Task LineagesToTheirProteins(FpbaseDbContext db, CancellationToken ct)
        {
            if (LineageIds.Count == 0)
            {
                return;
            }

            var ids = LineageIds.ToList();
            ProteinIds.UnionWith(await db.Lineages.Where(l => ids.Contains(l.Id)).Select(l => l.ProteinId).ToListAsync(ct).ConfigureAwait(false));
        }

        /// <summary>Microscope pages show their optical configs, and those their filters, light and camera.</summary>
        private async Task ProductsToTheConfigsUsingThem(FpbaseDbContext db, CancellationToken ct)
        {
            if (FilterIds.Count == 0 && LightIds.Count == 0 && CameraIds.Count == 0)
            {
                return;
            }

            var filters = FilterIds.ToList();
            var lights = LightIds.ToList();
            var cameras = CameraIds.ToList();
            ConfigIds.UnionWith(await db.FilterPlacements.Where(fp => filters.Contains(fp.FilterId)).Select(fp => fp.ConfigId).ToListAsync(ct).ConfigureAwait(false));
            MicroscopeIds.UnionWith(await db.OpticalConfigs
                .Where(c => (c.LightId != null && lights.Contains(c.LightId.Value)) || (c.CameraId != null && cameras.Contains(c.CameraId.Value)))
                .Select(c => c.MicroscopeId).ToListAsync(ct).ConfigureAwait(false));
        }

        private async Task ConfigsToTheirMicroscopes(FpbaseDbContext db, CancellationToken ct)
        {
            if (ConfigIds.Count == 0)
            {
                return;
            }

            var ids = ConfigIds.ToList();
            MicroscopeIds.UnionWith(await db.OpticalConfigs.Where(c => ids.Contains(c.Id)).Select(c => c.MicroscopeId).ToListAsync(ct).ConfigureAwait(false));
        }

        /// <summary>Protein pages are addressed by slug and by uuid.</summary>
        private async Task ProteinsToTheirKeys(FpbaseDbContext db, CancellationToken ct)
        {
            if (ProteinIds.Count == 0)
            {
                return;
            }

            var ids = ProteinIds.ToList();
            foreach (var protein in await db.Proteins.Where(p => ids.Contains(p.Id)).Select(p => new { p.Slug, p.Uuid }).ToListAsync(ct).ConfigureAwait(false))
            {
                ProteinKeys.Add(protein.Slug);
                ProteinKeys.Add(protein.Uuid);
            }
        }

        /// <summary>Reference pages are addressed by id and by DOI.</summary>
        private async Task ReferencesToTheirDois(FpbaseDbContext db, CancellationToken ct)
        {
            if (ReferencePageIds.Count == 0)
            {
                return;
            }

            var ids = ReferencePageIds.ToList();
            ReferenceDois.UnionWith(await db.References.Where(r => ids.Contains(r.Id)).Select(r => r.Doi).ToListAsync(ct).ConfigureAwait(false));
        }

        private static void AddRows<T>(ISet<string> resources, string family, IEnumerable<T> keys)
            where T : notnull
        {
            foreach (var key in keys)
            {
                resources.Add(ResourceNames.Row(family, key));
            }
        }
    }
}

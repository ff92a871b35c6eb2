using FPbase.Data.Configurations;
using FPbase.Data.Entities;
using FPbase.Data.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Data;

/// <summary>
/// FPbase's database. PostgreSQL (migrations in <c>Migrations/</c>) or SQLite (embedded default, created with
/// EnsureCreated). <see cref="Spectra"/> has a global filter: approved spectra only. Accounts (ASP.NET Core
/// Identity, API tokens, favourites) live in the same database, and so does the key ring that protects login
/// cookies and antiforgery tokens, shared by every web instance: see <see cref="IdentityModel"/>. Timestamps
/// (<see cref="ICreated"/>, <see cref="ITimestamped"/>) come from <paramref name="timeProvider"/>: the one registered
/// in the container when the context is made there, else the system clock.
/// </summary>
public sealed class FpbaseDbContext(DbContextOptions<FpbaseDbContext> options, TimeProvider? timeProvider = null)
    : IdentityDbContext<ApplicationUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>The clock of this context's timestamps, for the data layer's other notions of "now" (a reference's latest year).</summary>
    internal TimeProvider Time => _time;

    public DbSet<Protein> Proteins => Set<Protein>();

    /// <summary>All fluorescent states (protein states and dye states).</summary>
    public DbSet<FluorescentState> FluorescentStates => Set<FluorescentState>();

    public DbSet<State> States => Set<State>();

    public DbSet<DyeState> DyeStates => Set<DyeState>();

    public DbSet<Dye> Dyes => Set<Dye>();

    public DbSet<Spectrum> Spectra => Set<Spectrum>();

    public DbSet<Filter> Filters => Set<Filter>();

    public DbSet<Light> Lights => Set<Light>();

    public DbSet<Camera> Cameras => Set<Camera>();

    public DbSet<Microscope> Microscopes => Set<Microscope>();

    public DbSet<OpticalConfig> OpticalConfigs => Set<OpticalConfig>();

    public DbSet<FilterPlacement> FilterPlacements => Set<FilterPlacement>();

    public DbSet<Organism> Organisms => Set<Organism>();

    public DbSet<Lineage> Lineages => Set<Lineage>();

    public DbSet<Reference> References => Set<Reference>();

    public DbSet<Author> Authors => Set<Author>();

    public DbSet<ReferenceAuthor> ReferenceAuthors => Set<ReferenceAuthor>();

    public DbSet<ProteinReference> ProteinReferences => Set<ProteinReference>();

    public DbSet<Excerpt> Excerpts => Set<Excerpt>();

    public DbSet<BleachMeasurement> BleachMeasurements => Set<BleachMeasurement>();

    public DbSet<StateTransition> StateTransitions => Set<StateTransition>();

    public DbSet<OserMeasurement> OserMeasurements => Set<OserMeasurement>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<Revisions.ProteinRevision> ProteinRevisions => Set<Revisions.ProteinRevision>();

    public DbSet<Popularity.ProteinView> ProteinViews => Set<Popularity.ProteinView>();

    public DbSet<ProteinFavourite> ProteinFavourites => Set<ProteinFavourite>();

    /// <summary>ASP.NET Core Data Protection's key ring (<c>PersistKeysToDbContext</c>).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>True when the context runs on PostgreSQL (false: SQLite).</summary>
    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        NewRowVersions();
        StampTimes();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        NewRowVersions();
        StampTimes();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        IdentityModel.Configure(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FpbaseDbContext).Assembly);
        modelBuilder.ConfigureRowVersions();

        // Bumps that are due, written in the same transaction as the change (see FPbase.Caching).
        modelBuilder.AddResourceVersionOutbox();

        modelBuilder.ApplySnakeCaseNames();
    }

    /// <summary>
    /// Every inserted or updated <see cref="IRowVersioned"/> row gets a new random version; the UPDATE or DELETE still
    /// compares the original one (the loaded value, or the one a conditional write expects). Also on bulk paths
    /// (seeding), where the entries are tracked without change detection.
    /// </summary>
    private void NewRowVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IRowVersioned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.Version = Guid.NewGuid();
            }
        }
    }

    /// <summary>
    /// An added row without <see cref="ICreated.Created"/> (or <see cref="ITimestamped.Modified"/>) gets the current
    /// time, on every path. An updated <see cref="ITimestamped"/> row gets a new <see cref="ITimestamped.Modified"/>,
    /// except on bulk paths (seeding), where the entries are tracked without change detection and the times are set
    /// by the caller.
    /// </summary>
    private void StampTimes()
    {
        var detectsChanges = ChangeTracker.AutoDetectChangesEnabled;
        var now = _time.GetUtcNow().UtcDateTime;
        foreach (var entry in ChangeTracker.Entries<ICreated>())
        {
            if (entry.State == EntityState.Added)
            {
                if (entry.Entity.Created == default)
                {
                    entry.Entity.Created = now;
                }

                if (entry.Entity is ITimestamped added && added.Modified == default)
                {
                    added.Modified = now;
                }
            }
            else if (entry.State == EntityState.Modified && detectsChanges && entry.Entity is ITimestamped modified)
            {
                modified.Modified = now;
            }
        }
    }
}

using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using static FPbase.Data.Configurations.ModelBuilderHelpers;

namespace FPbase.Data.Configurations;

internal sealed class SpectrumConfiguration : IEntityTypeConfiguration<Spectrum>
{
    public const string OwnerCheck = "ck_spectra_exactly_one_owner";
    public const string SubtypeCheck = "ck_spectra_category_subtype";

    public void Configure(EntityTypeBuilder<Spectrum> b)
    {
        b.ToTable("spectra", t =>
        {
            t.HasCheckConstraint(
                OwnerCheck,
                "(CASE WHEN owner_fluor_id IS NULL THEN 0 ELSE 1 END"
                + " + CASE WHEN owner_filter_id IS NULL THEN 0 ELSE 1 END"
                + " + CASE WHEN owner_light_id IS NULL THEN 0 ELSE 1 END"
                + " + CASE WHEN owner_camera_id IS NULL THEN 0 ELSE 1 END) = 1");
            t.HasCheckConstraint(SubtypeCheck, CategorySubtypeSql());
            t.HasCheckConstraint("ck_spectra_wave_range", "max_wave >= min_wave");
        });
        b.HasKey(s => s.Id);
        b.Property(s => s.Category).HasCode(1);
        b.Property(s => s.Subtype).HasCode(2);
        // A concurrency token: a moderation decision updates WHERE status = 'pending', so of two decisions taken at once
        // only one is recorded (SpectrumModeration).
        b.Property(s => s.Status).HasCode(10).IsConcurrencyToken();
        b.Property(s => s.Values)
            .HasConversion(SpectrumValuesConversion.Converter, SpectrumValuesConversion.Comparer)
            .IsRequired();
        b.Property(s => s.Solvent).HasMaxLength(128);
        b.Property(s => s.Source).HasMaxLength(128);
        b.Property(s => s.CreatedBy).HasMaxLength(64);
        b.Property(s => s.UpdatedBy).HasMaxLength(64);
        b.ConfigureTimestamps();

        b.HasIndex(s => new { s.OwnerFluorId, s.Status });
        b.HasIndex(s => s.Status);
        b.HasIndex(s => s.OwnerFilterId).IsUnique();
        b.HasIndex(s => s.OwnerLightId).IsUnique();
        b.HasIndex(s => s.OwnerCameraId).IsUnique();

        b.HasOne(s => s.OwnerFluor).WithMany(f => f.Spectra)
            .HasForeignKey(s => s.OwnerFluorId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(s => s.OwnerFilter).WithOne(f => f.Spectrum)
            .HasForeignKey<Spectrum>(s => s.OwnerFilterId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(s => s.OwnerLight).WithOne(l => l.Spectrum)
            .HasForeignKey<Spectrum>(s => s.OwnerLightId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(s => s.OwnerCamera).WithOne(c => c.Spectrum)
            .HasForeignKey<Spectrum>(s => s.OwnerCameraId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(s => s.Reference).WithMany()
            .HasForeignKey(s => s.ReferenceId).OnDelete(DeleteBehavior.SetNull);

        // Ordinary reads see approved spectra only; admin code uses IgnoreQueryFilters().
        b.HasQueryFilter(s => s.Status == SpectrumStatus.Approved);
    }

    /// <summary>FPbase's valid category/subtype pairs (Spectrum.category_subtypes).</summary>
    public static readonly IReadOnlyDictionary<SpectrumCategory, SpectrumSubtype[]> ValidSubtypes =
        new Dictionary<SpectrumCategory, SpectrumSubtype[]>
        {
            [SpectrumCategory.Protein] =
                [SpectrumSubtype.Excitation, SpectrumSubtype.Absorption, SpectrumSubtype.Emission, SpectrumSubtype.TwoPhoton],
            [SpectrumCategory.Dye] =
                [SpectrumSubtype.Excitation, SpectrumSubtype.Absorption, SpectrumSubtype.Emission, SpectrumSubtype.TwoPhoton],
            [SpectrumCategory.Filter] =
            [
                SpectrumSubtype.Bandpass, SpectrumSubtype.BandpassExcitation, SpectrumSubtype.BandpassEmission,
                SpectrumSubtype.ShortPass, SpectrumSubtype.LongPass, SpectrumSubtype.Beamsplitter,
            ],
            [SpectrumCategory.Light] = [SpectrumSubtype.PowerDistribution],
            [SpectrumCategory.Camera] = [SpectrumSubtype.QuantumEfficiency],
        };

    private static string CategorySubtypeSql()
        => string.Join(" OR ", ValidSubtypes.Select(kv =>
            $"(category = '{kv.Key.ToCode()}' AND subtype IN ({SqlList(kv.Value)}))"));
}

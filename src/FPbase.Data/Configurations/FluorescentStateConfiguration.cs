using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FPbase.Data.Configurations;

internal sealed class FluorescentStateConfiguration : IEntityTypeConfiguration<FluorescentState>
{
    public const string Discriminator = "entity_type";

    public void Configure(EntityTypeBuilder<FluorescentState> b)
    {
        b.ToTable("fluor_states");
        b.HasKey(s => s.Id);
        b.HasDiscriminator<string>(Discriminator)
            .HasValue<State>("p")
            .HasValue<DyeState>("d");
        b.Property<string>(Discriminator).HasMaxLength(2);
        b.Property(s => s.Name).HasMaxLength(64).IsRequired();
        b.Property(s => s.Slug).HasMaxLength(200).IsRequired();
        b.HasIndex(s => s.Slug).IsUnique();
        b.Property(s => s.OwnerName).HasMaxLength(255);
        b.Property(s => s.OwnerSlug).HasMaxLength(200);
        b.HasIndex(s => s.OwnerName);
        b.HasIndex(s => s.ExMax);
        b.HasIndex(s => s.EmMax);
        b.Property(s => s.ExHex).HasMaxLength(7);
        b.Property(s => s.EmHex).HasMaxLength(7);
        b.Property(s => s.TwopPeakGM).HasColumnName("twop_peak_gm");
        b.Property(s => s.CreatedBy).HasMaxLength(64);
        b.Property(s => s.UpdatedBy).HasMaxLength(64);
        b.ConfigureTimestamps();
    }
}

using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FPbase.Data.Configurations;

internal sealed class OrganismConfiguration : IEntityTypeConfiguration<Organism>
{
    public void Configure(EntityTypeBuilder<Organism> b)
    {
        b.ToTable("organisms");
        b.HasKey(o => o.Id);
        b.Property(o => o.Id).ValueGeneratedNever();
        b.Property(o => o.ScientificName).HasMaxLength(128).IsRequired();
        b.Property(o => o.CommonName).HasMaxLength(128);
        b.Property(o => o.Division).HasMaxLength(128);
        b.Property(o => o.Genus).HasMaxLength(128);
        b.Property(o => o.Species).HasMaxLength(128);
        b.Property(o => o.Rank).HasMaxLength(128);
        b.Property(o => o.CreatedBy).HasMaxLength(64);
        b.Property(o => o.UpdatedBy).HasMaxLength(64);
        b.ConfigureTimestamps();
    }
}

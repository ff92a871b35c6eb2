using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FPbase.Data.Configurations;

internal sealed class DyeConfiguration : IEntityTypeConfiguration<Dye>
{
    public void Configure(EntityTypeBuilder<Dye> b)
    {
        b.ToTable("dyes");
        b.HasKey(d => d.Id);
        b.Property(d => d.Name).HasMaxLength(100).IsRequired();
        b.Property(d => d.Slug).HasMaxLength(128).IsRequired();
        b.HasIndex(d => d.Slug).IsUnique();
        b.Property(d => d.Manufacturer).HasMaxLength(128);
        b.Property(d => d.Part).HasMaxLength(128);
        b.Property(d => d.Url).HasMaxLength(256);
        b.Property(d => d.CreatedBy).HasMaxLength(64);
        b.Property(d => d.UpdatedBy).HasMaxLength(64);
        b.ConfigureTimestamps();
        b.HasOne(d => d.PrimaryReference).WithMany()
            .HasForeignKey(d => d.PrimaryReferenceId).OnDelete(DeleteBehavior.SetNull);
    }
}

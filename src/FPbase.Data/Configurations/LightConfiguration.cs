using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FPbase.Data.Configurations;

internal sealed class LightConfiguration : IEntityTypeConfiguration<Light>
{
    public void Configure(EntityTypeBuilder<Light> b)
    {
        b.ToTable("lights");
        b.HasKey(l => l.Id);
        b.Property(l => l.Name).HasMaxLength(100).IsRequired();
        b.Property(l => l.Slug).HasMaxLength(128).IsRequired();
        b.HasIndex(l => l.Slug).IsUnique();
        b.Property(l => l.Manufacturer).HasMaxLength(128);
        b.Property(l => l.Part).HasMaxLength(128);
        b.Property(l => l.Url).HasMaxLength(256);
        b.Property(l => l.CreatedBy).HasMaxLength(64);
        b.Property(l => l.UpdatedBy).HasMaxLength(64);
        b.ConfigureTimestamps();
    }
}

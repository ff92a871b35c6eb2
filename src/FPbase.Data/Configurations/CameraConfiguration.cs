using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FPbase.Data.Configurations;

internal sealed class CameraConfiguration : IEntityTypeConfiguration<Camera>
{
    public void Configure(EntityTypeBuilder<Camera> b)
    {
        b.ToTable("cameras");
        b.HasKey(c => c.Id);
        b.Property(c => c.Name).HasMaxLength(100).IsRequired();
        b.Property(c => c.Slug).HasMaxLength(128).IsRequired();
        b.HasIndex(c => c.Slug).IsUnique();
        b.Property(c => c.Manufacturer).HasMaxLength(128);
        b.Property(c => c.Part).HasMaxLength(128);
        b.Property(c => c.Url).HasMaxLength(256);
        b.Property(c => c.CreatedBy).HasMaxLength(64);
        b.Property(c => c.UpdatedBy).HasMaxLength(64);
        b.ConfigureTimestamps();
    }
}

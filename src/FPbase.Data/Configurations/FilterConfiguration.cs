using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FPbase.Data.Configurations;

internal sealed class FilterConfiguration : IEntityTypeConfiguration<Filter>
{
    public void Configure(EntityTypeBuilder<Filter> b)
    {
        b.ToTable("filters");
        b.HasKey(f => f.Id);
        b.Property(f => f.Name).HasMaxLength(100).IsRequired();
        b.Property(f => f.Slug).HasMaxLength(128).IsRequired();
        b.HasIndex(f => f.Slug).IsUnique();
        b.Property(f => f.Manufacturer).HasMaxLength(128);
        b.Property(f => f.Part).HasMaxLength(128);
        b.Property(f => f.Url).HasMaxLength(256);
        b.HasIndex(f => f.Bandcenter);
        b.Property(f => f.CreatedBy).HasMaxLength(64);
        b.Property(f => f.UpdatedBy).HasMaxLength(64);
        b.ConfigureTimestamps();
    }
}

using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FPbase.Data.Configurations;

internal sealed class ReferenceConfiguration : IEntityTypeConfiguration<Reference>
{
    public void Configure(EntityTypeBuilder<Reference> b)
    {
        b.ToTable("references");
        b.HasKey(r => r.Id);
        b.Property(r => r.Doi).HasMaxLength(50).IsRequired();
        b.HasIndex(r => r.Doi).IsUnique();
        b.Property(r => r.Pmid).HasMaxLength(15);
        b.Property(r => r.Title).HasMaxLength(512);
        b.Property(r => r.Journal).HasMaxLength(512);
        b.Property(r => r.Pages).HasMaxLength(20);
        b.Property(r => r.Volume).HasMaxLength(10);
        b.Property(r => r.Issue).HasMaxLength(10);
        b.Property(r => r.FirstAuthor).HasMaxLength(100);
        b.Property(r => r.Citation).HasMaxLength(256);
        b.Property(r => r.Summary).HasMaxLength(512);
        b.Property(r => r.CreatedBy).HasMaxLength(64);
        b.Property(r => r.UpdatedBy).HasMaxLength(64);
        b.ConfigureTimestamps();
    }
}

using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FPbase.Data.Configurations;

internal sealed class ExcerptConfiguration : IEntityTypeConfiguration<Excerpt>
{
    public void Configure(EntityTypeBuilder<Excerpt> b)
    {
        b.ToTable("excerpts");
        b.HasKey(e => e.Id);
        b.Property(e => e.Content).HasMaxLength(1200).IsRequired();
        b.Property(e => e.Status).HasCode(10);
        b.Property(e => e.CreatedBy).HasMaxLength(64);
        b.Property(e => e.UpdatedBy).HasMaxLength(64);
        b.ConfigureTimestamps();
        b.HasOne(e => e.Reference).WithMany()
            .HasForeignKey(e => e.ReferenceId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(e => e.Proteins).WithMany(p => p.Excerpts).UsingEntity<Dictionary<string, object>>(
            "excerpt_proteins",
            j => j.HasOne<Protein>().WithMany().HasForeignKey("ProteinId").OnDelete(DeleteBehavior.Cascade),
            j => j.HasOne<Excerpt>().WithMany().HasForeignKey("ExcerptId").OnDelete(DeleteBehavior.Cascade),
            j => j.ToTable("excerpt_proteins"));
    }
}

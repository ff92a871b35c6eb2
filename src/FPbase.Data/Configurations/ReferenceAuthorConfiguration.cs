using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FPbase.Data.Configurations;

internal sealed class ReferenceAuthorConfiguration : IEntityTypeConfiguration<ReferenceAuthor>
{
    public void Configure(EntityTypeBuilder<ReferenceAuthor> b)
    {
        b.ToTable("reference_authors");
        b.HasKey(ra => new { ra.ReferenceId, ra.Order });
        b.Property(ra => ra.Order).HasColumnName("author_idx");
        b.HasIndex(ra => ra.AuthorId);
        b.HasOne(ra => ra.Reference).WithMany(r => r.ReferenceAuthors)
            .HasForeignKey(ra => ra.ReferenceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(ra => ra.Author).WithMany(a => a.ReferenceAuthors)
            .HasForeignKey(ra => ra.AuthorId).OnDelete(DeleteBehavior.Cascade);
    }
}

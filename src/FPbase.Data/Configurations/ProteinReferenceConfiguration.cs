using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FPbase.Data.Configurations;

internal sealed class ProteinReferenceConfiguration : IEntityTypeConfiguration<ProteinReference>
{
    public void Configure(EntityTypeBuilder<ProteinReference> b)
    {
        b.ToTable("protein_references");
        b.HasKey(pr => new { pr.ProteinId, pr.ReferenceId });
        b.HasIndex(pr => pr.ReferenceId);
        b.HasOne(pr => pr.Protein).WithMany(p => p.ProteinReferences)
            .HasForeignKey(pr => pr.ProteinId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(pr => pr.Reference).WithMany(r => r.ProteinReferences)
            .HasForeignKey(pr => pr.ReferenceId).OnDelete(DeleteBehavior.Cascade);
    }
}

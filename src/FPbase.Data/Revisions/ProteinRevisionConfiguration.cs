using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FPbase.Data.Revisions;

internal sealed class ProteinRevisionConfiguration : IEntityTypeConfiguration<ProteinRevision>
{
    public void Configure(EntityTypeBuilder<ProteinRevision> b)
    {
        b.ToTable("protein_revisions");
        b.HasKey(r => r.Id);
        b.Property(r => r.Action).HasMaxLength(32).IsRequired();
        b.Property(r => r.UserId).HasMaxLength(450);
        b.Property(r => r.UserName).HasMaxLength(256).IsRequired();
        b.Property(r => r.Before).IsRequired();
        b.Property(r => r.After).IsRequired();
        b.Property(r => r.Created).IsRequired();
        b.HasOne(r => r.Protein).WithMany().HasForeignKey(r => r.ProteinId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.ProteinId, r.Id });
    }
}

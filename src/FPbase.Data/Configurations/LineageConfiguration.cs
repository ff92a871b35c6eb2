using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FPbase.Data.Configurations;

internal sealed class LineageConfiguration : IEntityTypeConfiguration<Lineage>
{
    public void Configure(EntityTypeBuilder<Lineage> b)
    {
        b.ToTable("lineages");
        b.HasKey(l => l.Id);
        b.Property(l => l.Mutation).HasMaxLength(400);
        b.Property(l => l.CreatedBy).HasMaxLength(64);
        b.Property(l => l.UpdatedBy).HasMaxLength(64);
        b.ConfigureTimestamps();
        b.HasIndex(l => l.ProteinId).IsUnique();
        b.HasOne(l => l.Protein).WithOne(p => p.Lineage)
            .HasForeignKey<Lineage>(l => l.ProteinId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(l => l.Parent).WithMany(l => l.Children)
            .HasForeignKey(l => l.ParentId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(l => l.RootNode).WithMany()
            .HasForeignKey(l => l.RootNodeId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(l => l.Reference).WithMany()
            .HasForeignKey(l => l.ReferenceId).OnDelete(DeleteBehavior.SetNull);
    }
}

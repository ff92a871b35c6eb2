using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FPbase.Data.Configurations;

internal sealed class ProteinConfiguration : IEntityTypeConfiguration<Protein>
{
    public void Configure(EntityTypeBuilder<Protein> b)
    {
        b.ToTable("proteins");
        b.HasKey(p => p.Id);
        b.Property(p => p.Uuid).HasMaxLength(5).IsRequired();
        b.HasIndex(p => p.Uuid).IsUnique();
        b.Property(p => p.Name).HasMaxLength(128).IsRequired();
        b.Property(p => p.Slug).HasMaxLength(64).IsRequired();
        b.HasIndex(p => p.Slug).IsUnique();
        b.HasIndex(p => p.Name);
        b.Property(p => p.BaseName).HasMaxLength(128);
        b.Property(p => p.Chromophore).HasMaxLength(5);
        b.Property(p => p.Seq).HasMaxLength(1024);
        b.Property(p => p.Genbank).HasMaxLength(12);
        b.Property(p => p.Uniprot).HasMaxLength(10);
        b.Property(p => p.IpgId).HasMaxLength(12);
        b.Property(p => p.Cofactor).HasMaxLength(2);
        b.Property(p => p.Blurb).HasMaxLength(512);
        b.Property(p => p.Agg).HasCode(2);
        b.Property(p => p.SwitchType).HasCode(2);
        b.Property(p => p.Status).HasCode(10);
        b.HasIndex(p => p.Status);
        b.Property(p => p.CreatedBy).HasMaxLength(64);
        b.Property(p => p.UpdatedBy).HasMaxLength(64);
        b.ConfigureTimestamps();

        b.HasOne(p => p.ParentOrganism).WithMany(o => o.Proteins)
            .HasForeignKey(p => p.ParentOrganismId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(p => p.PrimaryReference).WithMany()
            .HasForeignKey(p => p.PrimaryReferenceId).OnDelete(DeleteBehavior.SetNull);

        // Circular with State.Protein: nullable, so a protein can be inserted before its states.
        b.HasOne(p => p.DefaultState).WithMany()
            .HasForeignKey(p => p.DefaultStateId).OnDelete(DeleteBehavior.SetNull);
    }
}

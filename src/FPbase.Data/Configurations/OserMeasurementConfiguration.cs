using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FPbase.Data.Configurations;

internal sealed class OserMeasurementConfiguration : IEntityTypeConfiguration<OserMeasurement>
{
    public void Configure(EntityTypeBuilder<OserMeasurement> b)
    {
        b.ToTable("oser_measurements");
        b.HasKey(m => m.Id);
        b.Property(m => m.Celltype).HasMaxLength(64);
        b.Property(m => m.CreatedBy).HasMaxLength(64);
        b.Property(m => m.UpdatedBy).HasMaxLength(64);
        b.ConfigureTimestamps();
        b.HasOne(m => m.Protein).WithMany(p => p.OserMeasurements)
            .HasForeignKey(m => m.ProteinId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(m => m.Reference).WithMany()
            .HasForeignKey(m => m.ReferenceId).OnDelete(DeleteBehavior.SetNull);
    }
}

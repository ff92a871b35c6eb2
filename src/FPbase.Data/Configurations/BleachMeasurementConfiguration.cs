using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FPbase.Data.Configurations;

internal sealed class BleachMeasurementConfiguration : IEntityTypeConfiguration<BleachMeasurement>
{
    public void Configure(EntityTypeBuilder<BleachMeasurement> b)
    {
        b.ToTable("bleach_measurements");
        b.HasKey(m => m.Id);
        b.Property(m => m.Units).HasMaxLength(100);
        b.Property(m => m.Light).HasCode(2);
        b.Property(m => m.Modality).HasCode(2);
        b.Property(m => m.Fusion).HasMaxLength(60);
        b.Property(m => m.CellType).HasMaxLength(60);
        b.Property(m => m.CreatedBy).HasMaxLength(64);
        b.Property(m => m.UpdatedBy).HasMaxLength(64);
        b.ConfigureTimestamps();
        b.HasOne(m => m.State).WithMany(s => s.BleachMeasurements)
            .HasForeignKey(m => m.StateId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(m => m.Reference).WithMany()
            .HasForeignKey(m => m.ReferenceId).OnDelete(DeleteBehavior.SetNull);
    }
}

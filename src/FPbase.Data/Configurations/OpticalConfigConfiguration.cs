using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FPbase.Data.Configurations;

internal sealed class OpticalConfigConfiguration : IEntityTypeConfiguration<OpticalConfig>
{
    public void Configure(EntityTypeBuilder<OpticalConfig> b)
    {
        b.ToTable("optical_configs");
        b.HasKey(c => c.Id);
        b.Property(c => c.Name).HasMaxLength(100).IsRequired();
        b.Property(c => c.Description).HasMaxLength(512);
        b.Property(c => c.Comments).HasMaxLength(256);
        b.Property(c => c.MicroscopeId).HasMaxLength(22);
        b.Property(c => c.CreatedBy).HasMaxLength(64);
        b.Property(c => c.UpdatedBy).HasMaxLength(64);
        b.ConfigureTimestamps();
        b.HasOne(c => c.Microscope).WithMany(m => m.OpticalConfigs)
            .HasForeignKey(c => c.MicroscopeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(c => c.Light).WithMany()
            .HasForeignKey(c => c.LightId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(c => c.Camera).WithMany()
            .HasForeignKey(c => c.CameraId).OnDelete(DeleteBehavior.SetNull);
    }
}

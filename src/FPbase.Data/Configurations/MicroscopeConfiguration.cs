using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FPbase.Data.Configurations;

internal sealed class MicroscopeConfiguration : IEntityTypeConfiguration<Microscope>
{
    public void Configure(EntityTypeBuilder<Microscope> b)
    {
        b.ToTable("microscopes");
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).HasMaxLength(22).ValueGeneratedNever();
        b.Property(m => m.Name).HasMaxLength(128).IsRequired();
        b.Property(m => m.Description).HasMaxLength(512);
        b.Property(m => m.CreatedBy).HasMaxLength(64);
        b.Property(m => m.UpdatedBy).HasMaxLength(64);
        b.ConfigureTimestamps();
        b.HasMany(m => m.ExtraLights).WithMany().UsingEntity<Dictionary<string, object>>(
            "microscope_extra_lights",
            j => j.HasOne<Light>().WithMany().HasForeignKey("LightId").OnDelete(DeleteBehavior.Cascade),
            j => j.HasOne<Microscope>().WithMany().HasForeignKey("MicroscopeId").OnDelete(DeleteBehavior.Cascade),
            j => j.ToTable("microscope_extra_lights"));
        b.HasMany(m => m.ExtraCameras).WithMany().UsingEntity<Dictionary<string, object>>(
            "microscope_extra_cameras",
            j => j.HasOne<Camera>().WithMany().HasForeignKey("CameraId").OnDelete(DeleteBehavior.Cascade),
            j => j.HasOne<Microscope>().WithMany().HasForeignKey("MicroscopeId").OnDelete(DeleteBehavior.Cascade),
            j => j.ToTable("microscope_extra_cameras"));
    }
}

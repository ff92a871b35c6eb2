using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FPbase.Data.Configurations;

internal sealed class FilterPlacementConfiguration : IEntityTypeConfiguration<FilterPlacement>
{
    public void Configure(EntityTypeBuilder<FilterPlacement> b)
    {
        b.ToTable("filter_placements");
        b.HasKey(p => p.Id);
        b.Property(p => p.Path).HasCode(2);
        b.HasOne(p => p.Filter).WithMany(f => f.Placements)
            .HasForeignKey(p => p.FilterId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(p => p.Config).WithMany(c => c.FilterPlacements)
            .HasForeignKey(p => p.ConfigId).OnDelete(DeleteBehavior.Cascade);
    }
}

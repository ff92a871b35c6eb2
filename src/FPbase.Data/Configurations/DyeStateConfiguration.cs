using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FPbase.Data.Configurations;

internal sealed class DyeStateConfiguration : IEntityTypeConfiguration<DyeState>
{
    public void Configure(EntityTypeBuilder<DyeState> b)
    {
        b.HasOne(s => s.Dye).WithMany(d => d.States)
            .HasForeignKey(s => s.DyeId).OnDelete(DeleteBehavior.Cascade);
    }
}

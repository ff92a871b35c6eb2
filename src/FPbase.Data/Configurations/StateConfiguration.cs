using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FPbase.Data.Configurations;

internal sealed class StateConfiguration : IEntityTypeConfiguration<State>
{
    public void Configure(EntityTypeBuilder<State> b)
    {
        b.HasOne(s => s.Protein).WithMany(p => p.States)
            .HasForeignKey(s => s.ProteinId).OnDelete(DeleteBehavior.Cascade);
    }
}

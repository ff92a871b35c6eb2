using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FPbase.Data.Configurations;

internal sealed class StateTransitionConfiguration : IEntityTypeConfiguration<StateTransition>
{
    public void Configure(EntityTypeBuilder<StateTransition> b)
    {
        b.ToTable("state_transitions");
        b.HasKey(t => t.Id);
        b.Property(t => t.CreatedBy).HasMaxLength(64);
        b.Property(t => t.UpdatedBy).HasMaxLength(64);
        b.ConfigureTimestamps();
        b.HasOne(t => t.Protein).WithMany(p => p.Transitions)
            .HasForeignKey(t => t.ProteinId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(t => t.FromState).WithMany()
            .HasForeignKey(t => t.FromStateId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(t => t.ToState).WithMany()
            .HasForeignKey(t => t.ToStateId).OnDelete(DeleteBehavior.Cascade);
    }
}

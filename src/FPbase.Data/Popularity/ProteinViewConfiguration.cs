using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FPbase.Data.Popularity;

internal sealed class ProteinViewConfiguration : IEntityTypeConfiguration<ProteinView>
{
    public const string Table = "protein_views";

    public void Configure(EntityTypeBuilder<ProteinView> b)
    {
        b.ToTable(Table);
        b.HasKey(v => new { v.ProteinId, v.Day });
        b.HasIndex(v => v.Day);
        b.HasOne(v => v.Protein).WithMany().HasForeignKey(v => v.ProteinId).OnDelete(DeleteBehavior.Cascade);
    }
}

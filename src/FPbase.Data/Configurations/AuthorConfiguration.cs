using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FPbase.Data.Configurations;

internal sealed class AuthorConfiguration : IEntityTypeConfiguration<Author>
{
    public void Configure(EntityTypeBuilder<Author> b)
    {
        b.ToTable("authors");
        b.HasKey(a => a.Id);
        b.Property(a => a.FamilyName).HasMaxLength(80).IsRequired();
        b.Property(a => a.GivenName).HasMaxLength(80);
        b.Property(a => a.Initials).HasMaxLength(10);
        b.HasIndex(a => new { a.FamilyName, a.Initials });
        b.ConfigureTimestamps();
    }
}

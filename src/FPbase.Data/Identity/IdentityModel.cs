using FPbase.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Data.Identity;

/// <summary>
/// The account tables: Identity's, renamed to snake_case (<c>users</c>, <c>roles</c>, <c>user_roles</c>, ...),
/// the two roles seeded with fixed ids, API tokens, favourites and the Data Protection key ring. Runs after IdentityDbContext's own model.
/// </summary>
internal static class IdentityModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ApplicationUser>().ToTable("users");
        modelBuilder.Entity<IdentityRole>(b =>
        {
            b.ToTable("roles");
            b.HasData(
                new IdentityRole { Id = Roles.EditorId, Name = Roles.Editor, NormalizedName = Roles.Editor.ToUpperInvariant(), ConcurrencyStamp = "b1f0c6c2-editor" },
                new IdentityRole { Id = Roles.StaffId, Name = Roles.Staff, NormalizedName = Roles.Staff.ToUpperInvariant(), ConcurrencyStamp = "5d0e4a77-staff" });
        });
        modelBuilder.Entity<IdentityUserRole<string>>().ToTable("user_roles");
        modelBuilder.Entity<IdentityUserClaim<string>>().ToTable("user_claims");
        modelBuilder.Entity<IdentityUserLogin<string>>().ToTable("user_logins");
        modelBuilder.Entity<IdentityUserToken<string>>().ToTable("user_tokens");
        modelBuilder.Entity<IdentityRoleClaim<string>>().ToTable("role_claims");

        modelBuilder.Entity<ApiToken>(b =>
        {
            b.ToTable("api_tokens");
            b.HasKey(t => t.Id);
            b.Property(t => t.Name).HasMaxLength(100).IsRequired();
            b.Property(t => t.Prefix).HasMaxLength(16).IsRequired();
            b.Property(t => t.Hash).HasMaxLength(32).IsRequired();
            b.HasIndex(t => t.Hash).IsUnique();
            b.HasIndex(t => t.UserId);
            b.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");

        modelBuilder.Entity<ProteinFavourite>(b =>
        {
            b.ToTable("protein_favourites");
            b.HasKey(f => new { f.UserId, f.ProteinId });
            b.HasIndex(f => f.ProteinId);
            b.HasOne<ApplicationUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne<Protein>().WithMany().HasForeignKey(f => f.ProteinId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

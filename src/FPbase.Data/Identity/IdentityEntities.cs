using Microsoft.AspNetCore.Identity;

namespace FPbase.Data.Identity;

/// <summary>
/// The names <see cref="CacheDependencies"/> knows the account entities by (an entity's CLR type name;
/// Identity's generic join types are named like <c>IdentityUserRole`1</c>). None of them is shown on a public
/// page: their rules name no resource.
/// </summary>
internal static class IdentityEntities
{
    public const string User = nameof(ApplicationUser);
    public const string Token = nameof(ApiToken);
    public const string Favourite = nameof(ProteinFavourite);
    public const string DataProtectionKey = nameof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey);
    public static readonly string Role = typeof(IdentityRole).Name;
    public static readonly string UserRole = typeof(IdentityUserRole<string>).Name;
    public static readonly string UserClaim = typeof(IdentityUserClaim<string>).Name;
    public static readonly string UserLogin = typeof(IdentityUserLogin<string>).Name;
    public static readonly string UserToken = typeof(IdentityUserToken<string>).Name;
    public static readonly string RoleClaim = typeof(IdentityRoleClaim<string>).Name;
}

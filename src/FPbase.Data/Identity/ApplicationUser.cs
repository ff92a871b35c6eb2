using FPbase.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace FPbase.Data.Identity;

/// <summary>
/// A user of the site (ASP.NET Core Identity, string keys, table <c>users</c>). What a user may do comes from
/// roles (<see cref="Roles"/>); their API tokens are <see cref="ApiToken"/> rows.
/// </summary>
public sealed class ApplicationUser : IdentityUser, ICreated
{
    /// <summary>When the account was created (UTC).</summary>
    public DateTime Created { get; set; }
}

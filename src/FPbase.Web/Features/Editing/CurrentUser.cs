using System.Security.Claims;
using FPbase.Data.Identity;

namespace FPbase.Web.Features.Editing;

/// <summary>Who is writing: the id stored in <c>CreatedBy</c>/<c>UpdatedBy</c>, and whether they are staff.</summary>
public static class CurrentUser
{
    public static string Id(ClaimsPrincipal user)
        => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("An authenticated user has no id claim.");

    public static bool IsStaff(ClaimsPrincipal user) => user.IsInRole(Roles.Staff);
}

using FPbase.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace FPbase.Web.Features.Accounts;

/// <summary>
/// Grants or takes the staff role: one way for the operator's command (<see cref="StaffCommand"/>) and the cache
/// dashboard's form. The user is found by user name or email and must have registered. Their security stamp changes,
/// so signed-in sessions pick up the role at Identity's next security-stamp check (within 30 minutes) or at the next
/// sign-in; API tokens on their next request.
/// </summary>
internal static class StaffRoles
{
    public enum Outcome
    {
        Changed,
        Unchanged,
        NoSuchUser,
        Refused,
    }

    public sealed record Result(Outcome Outcome, string Message);

    public static async Task<Result> ChangeAsync(UserManager<ApplicationUser> users, string who, bool grant)
    {
        who = who.Trim();
        var user = await users.FindByNameAsync(who) ?? await users.FindByEmailAsync(who);
        if (user is null)
        {
            return new(Outcome.NoSuchUser, $"No user has the name or email '{who}': they must register first.");
        }

        if (await users.IsInRoleAsync(user, Roles.Staff) == grant)
        {
            return new(Outcome.Unchanged, $"{user.UserName} {(grant ? "is already" : "is not")} staff.");
        }

        var result = grant ? await users.AddToRoleAsync(user, Roles.Staff) : await users.RemoveFromRoleAsync(user, Roles.Staff);
        if (result.Succeeded)
        {
            result = await users.UpdateSecurityStampAsync(user);
        }

        return result.Succeeded
            ? new(Outcome.Changed, $"{user.UserName} {(grant ? "is now" : "is no longer")} staff.")
            : new(Outcome.Refused, $"Could not change {user.UserName}'s role: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}

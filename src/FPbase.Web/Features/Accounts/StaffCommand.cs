using FPbase.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace FPbase.Web.Features.Accounts;

/// <summary>
/// The operator's way to make the first staff user (and to grant or take the role later) from a shell, as Django's
/// <c>createsuperuser</c> is FPbase's: <c>dotnet FPbase.Web.dll grant-staff &lt;user name or email&gt;</c> (or
/// <c>revoke-staff</c>), with the same configuration as the site, after the database is initialized; the site is not
/// started. The user must have registered. Their security stamp changes, so their signed-in sessions pick up the new
/// role at Identity's next security-stamp check of their cookie (within 30 minutes) or when they sign in again; their
/// API tokens see it on the next request.
/// Exit codes: 0 done, 2 no such user or bad usage, 1 Identity refused.
/// </summary>
internal static class StaffCommand
{
    private const string Grant = "grant-staff";
    private const string Revoke = "revoke-staff";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] is Grant or Revoke;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        if (args.Length != 2 || string.IsNullOrWhiteSpace(args[1]))
        {
            await output.WriteLineAsync($"Usage: {Grant} <user name or email> | {Revoke} <user name or email>");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var who = args[1].Trim();
        var user = await users.FindByNameAsync(who) ?? await users.FindByEmailAsync(who);
        if (user is null)
        {
            await output.WriteLineAsync($"No user has the name or email '{who}': they must register first.");
            return 2;
        }

        var granting = args[0] == Grant;
        if (await users.IsInRoleAsync(user, Roles.Staff) == granting)
        {
            await output.WriteLineAsync($"{user.UserName} {(granting ? "is already" : "is not")} staff.");
            return 0;
        }

        var result = granting ? await users.AddToRoleAsync(user, Roles.Staff) : await users.RemoveFromRoleAsync(user, Roles.Staff);
        if (result.Succeeded)
        {
            result = await users.UpdateSecurityStampAsync(user);
        }

        if (!result.Succeeded)
        {
            await output.WriteLineAsync($"Could not change {user.UserName}'s role: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            return 1;
        }

        await output.WriteLineAsync($"{user.UserName} {(granting ? "is now" : "is no longer")} staff.");
        return 0;
    }
}

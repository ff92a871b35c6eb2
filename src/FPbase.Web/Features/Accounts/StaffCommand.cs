using FPbase.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace FPbase.Web.Features.Accounts;

/// <summary>
/// The operator's way to make the first staff user (and to grant or take the role later) from a shell, as Django's
/// <c>createsuperuser</c> is FPbase's: <c>dotnet FPbase.Web.dll grant-staff &lt;user name or email&gt;</c> (or
/// <c>revoke-staff</c>), with the same configuration as the site, after the database is initialized; the site is not
/// started (<see cref="StaffRoles"/> does the change). Exit codes: 0 done, 2 no such user or bad usage, 1 Identity refused.
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
        var result = await StaffRoles.ChangeAsync(scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>(), args[1], grant: args[0] == Grant);
        await output.WriteLineAsync(result.Message);
        return result.Outcome switch
        {
            StaffRoles.Outcome.Changed or StaffRoles.Outcome.Unchanged => 0,
            StaffRoles.Outcome.NoSuchUser => 2,
            _ => 1,
        };
    }
}

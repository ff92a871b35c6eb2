using System.Net;
using FPbase.Web.Features.Accounts;
using FPbase.Web.Tests.Infrastructure;

namespace FPbase.Web.Tests.Accounts;

/// <summary>
/// An operator makes a registered user staff from a shell (<c>grant-staff</c>, <c>revoke-staff</c>): the user's API
/// token reaches the staff-only scrape at once; an unknown user or bad usage is a clear line and exit code 2.
/// </summary>
public sealed class StaffCommandTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task GrantingStaffByEmailOpensStaffRoutesAndRevokingByNameClosesThem()
    {
        var editor = await site.App.CreateEditorAsync();
        using var client = await site.App.CreateBearerClientAsync(editor);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync("/metrics")).StatusCode);

        var (granted, grantSaid) = await RunAsync("grant-staff", editor.Email);
        Assert.Equal(0, granted);
        Assert.Equal($"{editor.UserName} is now staff.", grantSaid);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/metrics")).StatusCode);

        var (again, againSaid) = await RunAsync("grant-staff", editor.UserName);
        Assert.Equal(0, again);
        Assert.Equal($"{editor.UserName} is already staff.", againSaid);

        var (revoked, revokeSaid) = await RunAsync("revoke-staff", editor.UserName);
        Assert.Equal(0, revoked);
        Assert.Equal($"{editor.UserName} is no longer staff.", revokeSaid);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync("/metrics")).StatusCode);
    }

    [Theory]
    [InlineData("grant-staff", "nobody-registered-this@example.org", "No user has the name or email 'nobody-registered-this@example.org': they must register first.")]
    [InlineData("grant-staff", null, "Usage: grant-staff <user name or email> | revoke-staff <user name or email>")]
    public async Task AnUnknownUserOrAMissingNameIsOneClearLineAndExitCode2(string command, string? who, string expected)
    {
        var (code, said) = await RunAsync(who is null ? [command] : [command, who]);

        Assert.Equal(2, code);
        Assert.Equal(expected, said);
    }

    [Fact]
    public void OnlyItsTwoCommandsAreCommands()
    {
        Assert.True(StaffCommand.Matches(["grant-staff", "x"]));
        Assert.True(StaffCommand.Matches(["revoke-staff", "x"]));
        Assert.False(StaffCommand.Matches([]));
        Assert.False(StaffCommand.Matches(["--proteins", "10"]));
    }

    private async Task<(int Code, string Said)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var code = await StaffCommand.RunAsync(site.App.Services, args, output);
        return (code, output.ToString().Trim());
    }
}

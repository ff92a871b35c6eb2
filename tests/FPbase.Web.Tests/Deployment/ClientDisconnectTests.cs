using System.Net;
using System.Net.Sockets;
using System.Text;
using FPbase.Web.Tests.Infrastructure;

namespace FPbase.Web.Tests.Deployment;

/// <summary>
/// Clients that hang up halfway through sending a body are no server error: the site, started as an operator
/// starts it, logs no unhandled exception for them and goes on serving.
/// </summary>
public sealed class ClientDisconnectTests : IAsyncLifetime
{
    private TestDatabase? _database;
    private SiteProcess? _site;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _site = SiteProcess.Start("Production", new Dictionary<string, string>
        {
            ["ConnectionStrings:Postgres"] = _database.ConnectionString,
            ["Accounts:SecureCookies"] = "false",
            ["Seed:Enabled"] = "false",
        });
        _address = await _site.WaitUntilListeningAsync();
    }

    public async Task DisposeAsync()
    {
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("/graphql/", "application/json")]
    [InlineData("/api/proteins/", "application/json")]
    [InlineData("/accounts/login/", "application/x-www-form-urlencoded")]
    public async Task AClientThatResetsWhileSendingItsBodyIsNotLoggedAsAnError(string path, string contentType)
    {
        var before = _site!.StandardOutput.Count;
        for (var i = 0; i < 5; i++)
        {
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(_address.Host, _address.Port);
            var head = $"POST {path} HTTP/1.1\r\nHost: {_address.Authority}\r\nContent-Type: {contentType}\r\nContent-Length: 100000\r\n\r\n{{\"query\": \"";
            await socket.SendAsync(Encoding.ASCII.GetBytes(head));
            await Task.Delay(200);

            // A reset, not a polite close: what a browser tab that is shut or a killed script sends.
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }

        using var client = new HttpClient { BaseAddress = _address };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        await Task.Delay(500);
        Assert.DoesNotContain(_site!.StandardOutput, line => line.Contains("An unhandled exception", StringComparison.Ordinal));
        // Nor as any error: Kestrel logs one when it drains a body whose reader a reset left mid-read
        // (dotnet/aspnetcore#17840) unless the request is aborted first.
        var error = _site.StandardOutput.Skip(before).FirstOrDefault(line => line.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal));
        Assert.True(error is null, error);
    }
}

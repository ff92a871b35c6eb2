using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using StackExchange.Redis;

namespace FPbase.Caching.Tests.Support;

/// <summary>
/// A redis-server of the test's own, on a free loopback port, for the tests that flush, stop or
/// restart Redis (never done to the shared one). Stopped by its pid, never by name.
/// With <c>snapshots</c> it keeps an RDB file in its own directory, so a restart loads the last SAVE.
/// </summary>
internal sealed class PrivateRedis : IAsyncDisposable
{
    private const string RedisServer = "/usr/bin/redis-server";
    private readonly string _directory;
    private readonly bool _snapshots;
    private Process? _process;

    private PrivateRedis(int port, string directory, bool snapshots)
    {
        Port = port;
        _directory = directory;
        _snapshots = snapshots;
    }

    public int Port { get; }

    public string Endpoint => $"127.0.0.1:{Port}";

    public bool IsRunning => _process is { HasExited: false };

    public static async Task<PrivateRedis> StartAsync(bool snapshots = false)
    {
        var directory = Path.Combine(Path.GetTempPath(), "fpbase-caching-redis-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var redis = new PrivateRedis(FreePort(), directory, snapshots);
        await redis.RestartAsync();
        return redis;
    }

    /// <summary>A client that keeps retrying while this server is down, as the application's does.</summary>
    public Task<ConnectionMultiplexer> ConnectAsync(bool allowAdmin = false) => ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions
    {
        EndPoints = { Endpoint },
        AbortOnConnectFail = false,
        AllowAdmin = allowAdmin,
        ConnectTimeout = 2000,
        AsyncTimeout = 2000,
        SyncTimeout = 2000,
    });

    /// <summary>Starts the server (again, on the same port and directory) and waits until it answers PING.</summary>
    public async Task RestartAsync()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("The private Redis is already running.");
        }

        var args = new List<string>
        {
            "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1",
            "--save", string.Empty,
            "--appendonly", "no",
            "--dir", _directory,
            "--logfile", Path.Combine(_directory, "redis.log"),
        };
        if (_snapshots)
        {
            args.AddRange(["--dbfilename", "snapshot.rdb"]);
        }

        // Through bash, which closes every inherited descriptor above 2 and then execs (same pid):
        // the server must not keep a lock file that `dotnet test` was started under.
        var start = new ProcessStartInfo("/bin/bash") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("""for fd in /proc/$$/fd/*; do n=${fd##*/}; if [ "$n" -gt 2 ]; then eval "exec $n>&-"; fi; done 2>/dev/null; exec "$0" "$@" """);
        start.ArgumentList.Add(RedisServer);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start redis-server.");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await PingAsync())
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                var log = Path.Combine(_directory, "redis.log");
                Assert.Fail($"The private redis-server on port {Port} did not answer PING: {(File.Exists(log) ? File.ReadAllText(log) : "no log")}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Stops the server at once (SIGKILL to our own pid): nothing is saved on the way out.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task<bool> PingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(2));
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or IOException or TimeoutException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

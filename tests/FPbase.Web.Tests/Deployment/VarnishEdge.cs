using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace FPbase.Web.Tests.Deployment;

/// <summary>
/// A real Varnish in front of a site, configured by <c>deploy/varnish/fpbase.vcl</c> itself with the purge-fence vmod
/// built from <c>deploy/varnish/vmod_fence</c>: started and stopped by <c>scripts/lib/varnish.sh</c>, as
/// scripts/production-shape and bench/soak/run start theirs. Its port is chosen before the site starts, since the site
/// must know where to purge.
/// </summary>
public sealed class VarnishEdge : IAsyncDisposable
{
    private readonly DirectoryInfo _directory;

    private VarnishEdge(DirectoryInfo directory, int port)
    {
        _directory = directory;
        Address = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri Address { get; }

    public IPEndPoint EndPoint => new(IPAddress.Loopback, Address.Port);

    /// <summary>A port for Varnish to listen on, and its directory; <see cref="StartAsync"/> starts it.</summary>
    public static VarnishEdge Reserve()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new VarnishEdge(Directory.CreateTempSubdirectory("fpbase-varnish-"), ((IPEndPoint)listener.LocalEndpoint).Port);
    }

    /// <summary>Starts varnishd with <paramref name="backends"/> (the site's instances) behind it; returns once they answer through it.</summary>
    public Task StartAsync(params Uri[] backends)
        => RunAsync($"varnish_start {Quote(_directory.FullName)} 127.0.0.1:{Address.Port} {string.Join(' ', backends.Select(b => $"127.0.0.1:{b.Port}"))}"
            + $" && varnish_wait_healthy 127.0.0.1:{Address.Port}");

    /// <summary>Runs the VCL's own varnishtest files (deploy/varnish/tests); returns their output, throws when one fails.</summary>
    public static Task<string> RunVarnishTestsAsync() => RunAsync("varnish_vtc");

    public async ValueTask DisposeAsync()
    {
        await RunAsync($"varnish_stop {Quote(_directory.FullName)}");
        _directory.Delete(recursive: true);
    }

    private static string Quote(string path) => "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static async Task<string> RunAsync(string command)
    {
        var start = new ProcessStartInfo("bash")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Path,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"set -euo pipefail; source scripts/lib/services.sh; source scripts/lib/varnish.sh; {command}");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{command}` exited with {process.ExitCode}:\n{await output}\n{await error}");
        }

        return await output + await error;
    }
}

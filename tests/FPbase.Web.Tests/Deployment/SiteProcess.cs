using System.Collections.Concurrent;
using System.Diagnostics;

namespace FPbase.Web.Tests.Deployment;

/// <summary>
/// The built site (FPbase.Web.dll of this test's output) as an operator runs it: its own process, an environment
/// and settings in environment variables (nothing inherited: no ASPNETCORE_*, no Section__Key), listening on a free
/// port of 127.0.0.1 that it reports ("Now listening on:"). Stdout and stderr are kept for assertions. Disposing
/// kills the process (by its id) if it still runs.
/// </summary>
public sealed class SiteProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SiteProcess(Process process) => _process = process;

    public IReadOnlyList<string> StandardOutput => [.. _stdout];

    public IReadOnlyList<string> StandardError => [.. _stderr];

    public string Output => $"stdout:\n{string.Join('\n', _stdout)}\nstderr:\n{string.Join('\n', _stderr)}";

    /// <summary>Starts the site in <paramref name="environment"/> with <paramref name="settings"/> (keys as in appsettings: <c>Accounts:SecureCookies</c>).</summary>
    public static SiteProcess Start(string environment, IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.Path,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "FPbase.Web.dll"));
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(RepositoryRoot.Combine("src", "FPbase.Web"));
        foreach (var key in start.Environment.Keys.Where(IsSiteSetting).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var site = new SiteProcess(process);
        process.OutputDataReceived += (_, e) => site.OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                site._stderr.Enqueue(e.Data);
            }
        };
        process.Exited += (_, _) => site._listening.TrySetException(new InvalidOperationException($"The site exited ({process.ExitCode}) before it listened.\n{site.Output}"));
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return site;
    }

    /// <summary>The address the site listens on, once it does (migrations applied).</summary>
    public async Task<Uri> WaitUntilListeningAsync(TimeSpan? timeout = null)
    {
        try
        {
            return await _listening.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The site did not listen within the timeout.\n{Output}");
        }
    }

    /// <summary>The exit code, once the process has exited (and its output is read to the end).</summary>
    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The site did not exit within the timeout.\n{Output}");
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        _stdout.Enqueue(line);
        const string Marker = "Now listening on: ";
        var message = line.StartsWith('{') ? MessageOf(line) : line;
        var at = message.IndexOf(Marker, StringComparison.Ordinal);
        if (at >= 0)
        {
            _listening.TrySetResult(new Uri(message[(at + Marker.Length)..].Trim()));
        }
    }

    /// <summary>The message of a JSON log line (Production's console format), or nothing.</summary>
    private static string MessageOf(string line)
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(line);
            return json.RootElement.TryGetProperty("Message", out var message) ? message.GetString() ?? string.Empty : string.Empty;
        }
        catch (System.Text.Json.JsonException)
        {
            return string.Empty;
        }
    }

    // What would configure the child besides what a test gives it.
    private static bool IsSiteSetting(string name)
        => name.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("DOTNET_URLS", StringComparison.OrdinalIgnoreCase)
            || (name.Contains("__", StringComparison.Ordinal) && !name.StartsWith('_'));
}

/// <summary>The repository's root directory (where FPbase.sln is), found from the test's output directory.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "FPbase.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No FPbase.sln above {AppContext.BaseDirectory}.");
    }
}

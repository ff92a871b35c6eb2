using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;

namespace FPbase.Web.Tests.Deployment;

/// <summary>
/// A real nginx in front of a site, configured by the operators' example <c>deploy/nginx/fpbase.conf</c> itself:
/// only its listen ports (free ports on 127.0.0.1, no IPv6), its certificate (a self-signed one made here, which
/// clients of <see cref="CreateClient"/> pin) and the upstream port are replaced. nginx runs in the foreground as a
/// child process (<c>daemon off; master_process off;</c>), with its files in a temporary directory.
/// </summary>
public sealed partial class NginxProxy : IAsyncDisposable
{
    public const string Example = "deploy/nginx/fpbase.conf";

    private readonly Process _process;
    private readonly DirectoryInfo _directory;

    private NginxProxy(Process process, DirectoryInfo directory, X509Certificate2 certificate, int httpsPort, int httpPort)
    {
        _process = process;
        _directory = directory;
        Certificate = certificate;
        HttpsAddress = new Uri($"https://127.0.0.1:{httpsPort}");
        HttpAddress = new Uri($"http://127.0.0.1:{httpPort}");
    }

    public X509Certificate2 Certificate { get; }

    public Uri HttpsAddress { get; }

    public Uri HttpAddress { get; }

    public string ErrorLog => File.Exists(Path.Combine(_directory.FullName, "error.log")) ? File.ReadAllText(Path.Combine(_directory.FullName, "error.log")) : "";

    public static async Task<NginxProxy> StartAsync(Uri site)
    {
        var nginx = Find();
        var directory = Directory.CreateTempSubdirectory("fpbase-nginx-");
        var certificate = SelfSigned();
        var certificatePath = Path.Combine(directory.FullName, "site.crt");
        var keyPath = Path.Combine(directory.FullName, "site.key");
        await File.WriteAllTextAsync(certificatePath, certificate.ExportCertificatePem());
        using (var key = certificate.GetECDsaPrivateKey()!)
        {
            await File.WriteAllTextAsync(keyPath, key.ExportPkcs8PrivateKeyPem());
        }

        int httpsPort = FreePort(), httpPort = FreePort();
        var example = await File.ReadAllTextAsync(RepositoryRoot.Combine(Example));
        var conf = Replace(example, Ipv6Listen(), "");
        conf = Replace(conf, HttpListen(), $"listen 127.0.0.1:{httpPort};");
        conf = Replace(conf, HttpsListen(), $"listen 127.0.0.1:{httpsPort} ssl;");
        conf = Replace(conf, CertificateLine(), $"ssl_certificate {certificatePath};");
        conf = Replace(conf, CertificateKeyLine(), $"ssl_certificate_key {keyPath};");
        conf = Replace(conf, Upstream(), $"server 127.0.0.1:{site.Port};");
        await File.WriteAllTextAsync(Path.Combine(directory.FullName, "fpbase.conf"), conf);

        var d = directory.FullName;
        await File.WriteAllTextAsync(Path.Combine(d, "nginx.conf"), $$"""
            pid {{d}}/nginx.pid;
            error_log {{d}}/error.log warn;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path {{d}}/client_body;
                proxy_temp_path {{d}}/proxy;
                fastcgi_temp_path {{d}}/fastcgi;
                uwsgi_temp_path {{d}}/uwsgi;
                scgi_temp_path {{d}}/scgi;
                include {{d}}/fpbase.conf;
            }
            """);

        var start = new ProcessStartInfo(nginx)
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var argument in new[] { "-p", d, "-e", Path.Combine(d, "error.log"), "-c", Path.Combine(d, "nginx.conf"), "-g", "daemon off; master_process off;" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var proxy = new NginxProxy(process, directory, certificate, httpsPort, httpPort);
        try
        {
            await proxy.WaitUntilListeningAsync(httpsPort);
            return proxy;
        }
        catch
        {
            await proxy.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A client (no redirects followed; cookies kept when <paramref name="cookies"/> is given) that connects from
    /// <paramref name="sourceAddress"/> (any 127.x.y.z: every one is loopback on Linux), so that tests can be
    /// different clients; it trusts only this proxy's certificate.
    /// </summary>
    public HttpClient CreateClient(Uri baseAddress, string sourceAddress = "127.0.0.1", CookieContainer? cookies = null)
    {
        var pinned = Certificate.GetCertHashString(HashAlgorithmName.SHA256);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = cookies is not null,
            CookieContainer = cookies ?? new CookieContainer(),
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(sourceAddress), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString(HashAlgorithmName.SHA256) == pinned;
        return new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Certificate.Dispose();
        _directory.Delete(recursive: true);
    }

    private static string Find()
    {
        var candidates = new[] { "/usr/sbin/nginx" }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Select(dir => Path.Combine(dir, "nginx")));
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("nginx is not installed: these tests run the operators' example behind a real nginx. scripts/test installs it (Debian package nginx); or `apt-get install -y nginx`.");
    }

    private async Task WaitUntilListeningAsync(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited ({_process.ExitCode}): {await _process.StandardError.ReadToEndAsync()}{ErrorLog}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Replaces every match; the example must still have the line (else it changed and this test must too).</summary>
    private static string Replace(string conf, Regex pattern, string replacement)
        => pattern.IsMatch(conf) ? pattern.Replace(conf, replacement) : throw new InvalidOperationException($"{Example} has no line matching {pattern}: update NginxProxy with it.");

    [GeneratedRegex(@"^\s*listen \[::\]:\d+[^;]*;\s*$", RegexOptions.Multiline)]
    private static partial Regex Ipv6Listen();

    [GeneratedRegex(@"listen 80;")]
    private static partial Regex HttpListen();

    [GeneratedRegex(@"listen 443 ssl;")]
    private static partial Regex HttpsListen();

    [GeneratedRegex(@"ssl_certificate\s+[^;]+;")]
    private static partial Regex CertificateLine();

    [GeneratedRegex(@"ssl_certificate_key\s+[^;]+;")]
    private static partial Regex CertificateKeyLine();

    [GeneratedRegex(@"server 127\.0\.0\.1:5000;")]
    private static partial Regex Upstream();
}

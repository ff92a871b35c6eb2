using FPbase.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace FPbase.Web.Features.Accounts;

/// <summary>
/// Refuses to start a site whose cookies are Secure (<c>Accounts:SecureCookies</c>, the default outside Development
/// and Testing) that nobody could reach over HTTPS: Kestrel listens on http:// URLs only and no TLS-terminating
/// proxy is trusted (<c>ForwardedHeaders</c>). Every login would fail there, so the site stops at start with one
/// line saying what to set. Only Kestrel is checked (the in-memory test server listens on nothing).
/// </summary>
internal sealed class SecureCookieTransportValidator(
    IHostEnvironment environment,
    IConfiguration configuration,
    IServer server,
    IOptions<ForwardedHeadersSettings> forwardedHeaders) : IValidateOptions<AccountOptions>
{
    public ValidateOptionsResult Validate(string? name, AccountOptions options)
    {
        if (!options.UsesSecureCookies(environment)
            || server.GetType().Assembly != typeof(KestrelServerOptions).Assembly
            || ForwardedHeadersHostingExtensions.TrustsAProxy(forwardedHeaders.Value, configuration))
        {
            return ValidateOptionsResult.Success;
        }

        var urls = KestrelUrls(configuration);
        if (urls.Any(url => url.StartsWith("https:", StringComparison.OrdinalIgnoreCase)))
        {
            return ValidateOptionsResult.Success;
        }

        var why = options.SecureCookies is null ? $"is on (the default in the {environment.EnvironmentName} environment)" : "is true";
        return ValidateOptionsResult.Fail(
            $"Accounts:SecureCookies {why}, so the login and antiforgery cookies need HTTPS, but the site listens on plain HTTP only ({string.Join(", ", urls)}) and trusts no proxy. "
            + "Either serve HTTPS (an https:// URL in ASPNETCORE_URLS or Kestrel:Endpoints), "
            + "or behind a TLS-terminating proxy set ForwardedHeaders:KnownProxies (or ForwardedHeaders:KnownNetworks) to the proxy's address, "
            + "or to serve plain HTTP set Accounts:SecureCookies=false.");
    }

    /// <summary>
    /// The URLs Kestrel will listen on, as it chooses them from configuration: <c>Kestrel:Endpoints</c> if any,
    /// else <c>urls</c> (<c>ASPNETCORE_URLS</c>, <c>--urls</c>), else <c>http_ports</c> / <c>https_ports</c>
    /// (<c>ASPNETCORE_HTTP_PORTS</c>, as in the Docker image), else http://localhost:5000.
    /// </summary>
    internal static IReadOnlyList<string> KestrelUrls(IConfiguration configuration)
    {
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(endpoint => endpoint["Url"])
            .OfType<string>()
            .Where(url => url.Length > 0)
            .ToList();
        if (endpoints.Count > 0)
        {
            return endpoints;
        }

        var urls = Split(configuration["urls"]);
        if (urls.Count > 0)
        {
            return urls;
        }

        var ports = Split(configuration["http_ports"]).Select(port => $"http://*:{port}")
            .Concat(Split(configuration["https_ports"]).Select(port => $"https://*:{port}"))
            .ToList();
        return ports.Count > 0 ? ports : ["http://localhost:5000"];
    }

    private static List<string> Split(string? value)
        => (value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}

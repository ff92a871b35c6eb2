using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;

namespace FPbase.Web.Infrastructure;

/// <summary>
/// Settings of section <c>ForwardedHeaders</c>: the reverse proxies whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> the site believes. Nothing is trusted unless listed; a header from any other peer is
/// ignored (it could be forged by the client). Each list is a JSON array, indexed keys
/// (<c>ForwardedHeaders__KnownProxies__0</c>) or one comma-separated value (<c>ForwardedHeaders__KnownProxies=10.0.0.5,10.0.0.6</c>);
/// blank entries are ignored. A value that does not parse stops the site at start, naming it.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Addresses of the proxies in front (IPv4 or IPv6), e.g. <c>127.0.0.1</c> for nginx on the same host.</summary>
    public IReadOnlyList<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of the proxies in front, in CIDR form with zero host bits, e.g. <c>10.0.0.0/8</c>, <c>fd00::/8</c>.</summary>
    public IReadOnlyList<string> KnownNetworks { get; set; } = [];

    /// <summary>
    /// How many proxies, counted from the site, may each add an entry to <c>X-Forwarded-For</c> (default 1: one
    /// proxy in front). Every one of them must be in <see cref="KnownProxies"/> or <see cref="KnownNetworks"/>.
    /// </summary>
    public string? ForwardLimit { get; set; }

    /// <summary>Whether any proxy is trusted: forwarded headers are read only then.</summary>
    public bool Enabled => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    /// <summary>Reads section <c>ForwardedHeaders</c> (the lists in any of their forms).</summary>
    public void ReadFrom(IConfiguration section)
    {
        KnownProxies = List(section.GetSection(nameof(KnownProxies)));
        KnownNetworks = List(section.GetSection(nameof(KnownNetworks)));
        ForwardLimit = section[nameof(ForwardLimit)] is { Length: > 0 } limit ? limit.Trim() : null;
    }

    /// <summary>One message per value that does not parse, naming the setting and the value.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var proxy in KnownProxies.Where(p => ParseAddress(p) is null))
        {
            yield return $"{SectionName}:{nameof(KnownProxies)} has '{proxy}', which is not an IP address (e.g. 10.0.0.5 or fd00::5)";
        }

        foreach (var network in KnownNetworks.Where(n => ParseNetwork(n) is null))
        {
            yield return $"{SectionName}:{nameof(KnownNetworks)} has '{network}', which is not a network in CIDR form with zero host bits (e.g. 10.0.0.0/8 or fd00::/8)";
        }

        if (ForwardLimit is not null && ParsedForwardLimit() is null)
        {
            yield return $"{SectionName}:{nameof(ForwardLimit)} is '{ForwardLimit}', not a whole number from 1 up";
        }
    }

    /// <summary>
    /// X-Forwarded-For and X-Forwarded-Proto from the listed proxies only. ASP.NET Core's defaults (loopback) are
    /// cleared: only what is configured is trusted. Call only when <see cref="Enabled"/> (with both lists empty the
    /// middleware would trust every peer).
    /// </summary>
    public void ApplyTo(Microsoft.AspNetCore.Builder.ForwardedHeadersOptions options)
    {
        options.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
        options.ForwardLimit = ParsedForwardLimit() ?? 1;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in KnownProxies)
        {
            options.KnownProxies.Add(ParseAddress(proxy)!);
        }

        foreach (var network in KnownNetworks)
        {
            options.KnownIPNetworks.Add(ParseNetwork(network)!.Value);
        }
    }

    private int? ParsedForwardLimit()
        => ForwardLimit is null ? null
            : int.TryParse(ForwardLimit, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit >= 1 ? limit : null;

    /// <summary>An IPv4 address in its four-part form (IPAddress.Parse takes "10.0.0" for 10.0.0.0) or an IPv6 address.</summary>
    private static IPAddress? ParseAddress(string text)
        => (text.Contains(':', StringComparison.Ordinal) || text.Split('.').Length == 4) && IPAddress.TryParse(text, out var address) ? address : null;

    /// <summary>A network in CIDR form whose host bits are zero (10.0.0.1/8 is refused: 10.0.0.0/8 or 10.0.0.1/32 was meant).</summary>
    private static IPNetwork? ParseNetwork(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || ParseAddress(text[..slash]) is not { } address || !IPNetwork.TryParse(text, out var network))
        {
            return null;
        }

        var bytes = address.GetAddressBytes();
        for (var bit = network.PrefixLength; bit < bytes.Length * 8; bit++)
        {
            if ((bytes[bit / 8] & (0x80 >> (bit % 8))) != 0)
            {
                return null;
            }
        }

        return network;
    }

    private static string[] List(IConfigurationSection section)
        => new[] { section.Value }
            .Concat(section.GetChildren().Select(child => child.Value))
            .SelectMany(value => (value ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToArray();

    /// <summary>Fails start with <see cref="Problems"/>, one message per bad value.</summary>
    public sealed class Validator : IValidateOptions<ForwardedHeadersSettings>
    {
        public ValidateOptionsResult Validate(string? name, ForwardedHeadersSettings options)
            => options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}

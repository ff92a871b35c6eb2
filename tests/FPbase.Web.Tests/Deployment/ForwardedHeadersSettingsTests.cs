using System.Net;
using FPbase.Web.Features.Accounts;
using FPbase.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace FPbase.Web.Tests.Deployment;

/// <summary>
/// How <c>ForwardedHeaders</c> and the listening URLs are read from configuration (no site started): the forms an
/// operator writes, the values refused at start, and that only what is listed is trusted.
/// </summary>
public sealed class ForwardedHeadersSettingsTests
{
    [Fact]
    public void ListsAreReadAsArraysIndexedKeysOrOneCommaSeparatedValue()
    {
        var settings = Read(new()
        {
            ["ForwardedHeaders:KnownProxies"] = "10.0.0.5, 10.0.0.6",
            ["ForwardedHeaders:KnownNetworks:0"] = "172.16.0.0/12",
            ["ForwardedHeaders:KnownNetworks:1"] = "fd00::/8",
        });

        Assert.Equal(["10.0.0.5", "10.0.0.6"], settings.KnownProxies);
        Assert.Equal(["172.16.0.0/12", "fd00::/8"], settings.KnownNetworks);
        Assert.True(settings.Enabled);
        Assert.Empty(settings.Problems());
    }

    [Fact]
    public void NothingConfiguredOrBlankValuesTrustNoProxy()
    {
        Assert.False(Read([]).Enabled);
        Assert.False(Read(new() { ["ForwardedHeaders:KnownProxies"] = "", ["ForwardedHeaders:KnownNetworks:0"] = " " }).Enabled);
    }

    [Theory]
    [InlineData("KnownProxies", "10.0.0")]
    [InlineData("KnownProxies", "10.0.0.256")]
    [InlineData("KnownProxies", "proxy.example.org")]
    [InlineData("KnownNetworks", "10.0.0.1/8")]
    [InlineData("KnownNetworks", "10.0.0.0/33")]
    [InlineData("KnownNetworks", "10.0.0.0")]
    [InlineData("ForwardLimit", "0")]
    [InlineData("ForwardLimit", "two")]
    public void AValueThatDoesNotParseIsAProblemNamingTheSettingAndTheValue(string key, string value)
    {
        var problem = Assert.Single(Read(new() { ["ForwardedHeaders:" + key] = value }).Problems());

        Assert.StartsWith($"ForwardedHeaders:{key} ", problem);
        Assert.Contains($"'{value}'", problem);
    }

    [Fact]
    public void OnlyTheListedProxiesAreTrustedNotTheFrameworkDefaultLoopback()
    {
        var options = new ForwardedHeadersOptions();
        Read(new() { ["ForwardedHeaders:KnownProxies"] = "10.0.0.5", ["ForwardedHeaders:ForwardLimit"] = "2" }).ApplyTo(options);

        Assert.Equal([IPAddress.Parse("10.0.0.5")], options.KnownProxies);
        Assert.Empty(options.KnownIPNetworks);
        Assert.Equal(2, options.ForwardLimit);
        Assert.Equal(
            Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto,
            options.ForwardedHeaders);
    }

    [Theory]
    [InlineData(null, null, null, null, "http://localhost:5000")]
    [InlineData("http://127.0.0.1:5000;https://0.0.0.0:5001", null, null, null, "http://127.0.0.1:5000 https://0.0.0.0:5001")]
    [InlineData(null, "8080", null, null, "http://*:8080")]
    [InlineData(null, "8080", "8443", null, "http://*:8080 https://*:8443")]
    [InlineData("http://127.0.0.1:5000", null, null, "https://0.0.0.0:443", "https://0.0.0.0:443")]
    public void KestrelUrlsAreReadAsKestrelChoosesThem(string? urls, string? httpPorts, string? httpsPorts, string? endpoint, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = urls,
            ["http_ports"] = httpPorts,
            ["https_ports"] = httpsPorts,
            ["Kestrel:Endpoints:Https:Url"] = endpoint,
        }).Build();

        Assert.Equal(expected, string.Join(' ', SecureCookieTransportValidator.KestrelUrls(configuration)));
    }

    private static ForwardedHeadersSettings Read(Dictionary<string, string?> values)
    {
        var settings = new ForwardedHeadersSettings();
        settings.ReadFrom(new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(ForwardedHeadersSettings.SectionName));
        return settings;
    }
}

using System.Net;
using FPbase.Web.Features.Proteins.Regional;
using FPbase.Web.Tests.GenBank;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FPbase.Web.Tests.Regional;

/// <summary>The country of an address from the local MaxMind database, opened once and again when the file changes.</summary>
public sealed class CountryLookupTests
{
    [Theory]
    [InlineData("111.235.160.7", "CN")]
    [InlineData("2001:250::1", "CN")]
    [InlineData("::ffff:111.235.160.7", "CN")]
    [InlineData("81.2.69.142", "GB")]
    [InlineData("2001:218::1", "JP")]
    [InlineData("10.1.2.3", null)]
    [InlineData("127.0.0.1", null)]
    public void AnAddressReadsAsTheCountryTheDatabaseGivesIt(string ip, string? country)
    {
        using var lookup = Lookup(GenBankSite.CountryDatabase);

        Assert.Equal(country, lookup.CountryOf(IPAddress.Parse(ip)));
    }

    [Fact]
    public void WithoutADatabaseNoAddressHasACountry()
    {
        using var lookup = Lookup(null);

        Assert.Null(lookup.CountryOf(IPAddress.Parse("111.235.160.7")));
        Assert.Null(lookup.CountryOf(null));
    }

    [Fact]
    public async Task ADatabaseThatAppearsOrChangesIsOpenedWithoutARestart()
    {
        var folder = Directory.CreateTempSubdirectory("fpbase-country-");
        try
        {
            var path = Path.Combine(folder.FullName, "GeoLite2-Country.mmdb");
            using var lookup = Lookup(path);
            Assert.Null(lookup.CountryOf(IPAddress.Parse("111.235.160.7")));

            // An operator drops the file in (written aside, then moved, as a download tool does).
            File.Copy(GenBankSite.CountryDatabase, path + ".tmp");
            File.Move(path + ".tmp", path);

            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (lookup.CountryOf(IPAddress.Parse("111.235.160.7")) is null)
            {
                Assert.True(DateTime.UtcNow < deadline, "the new database was never opened");
                await Task.Delay(50);
            }

            Assert.Equal("CN", lookup.CountryOf(IPAddress.Parse("111.235.160.7")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static CountryLookup Lookup(string? path) => new(
        Options.Create(new CountryOptions { DatabasePath = path }),
        new Environment(),
        NullLogger<CountryLookup>.Instance);

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "FPbase.Web";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}

using FPbase.Caching.Http;
using Microsoft.Extensions.FileProviders;

namespace FPbase.Caching.Tests.Payloads;

/// <summary>
/// The default format version is part of every ETag: it must change with anything that changes a
/// payload's bytes (any assembly of the app, not only the entry one; any web-root file) and only then.
/// </summary>
public sealed class PayloadFormatTests : IDisposable
{
    private readonly string _app = Directory.CreateTempSubdirectory("fpbase-format-app").FullName;
    private readonly string _web = Directory.CreateTempSubdirectory("fpbase-format-web").FullName;

    public PayloadFormatTests()
    {
        File.Copy(typeof(HttpCachingOptions).Assembly.Location, Path.Combine(_app, "FPbase.Caching.dll"));
        File.Copy(typeof(PayloadFormatTests).Assembly.Location, Path.Combine(_app, "FPbase.Caching.Tests.dll"));
        Directory.CreateDirectory(Path.Combine(_web, "css"));
        File.WriteAllText(Path.Combine(_web, "css", "site.css"), "body { color: black }");
    }

    public void Dispose()
    {
        Directory.Delete(_app, recursive: true);
        Directory.Delete(_web, recursive: true);
    }

    private string Format()
    {
        using var files = new PhysicalFileProvider(_web);
        return PayloadFormat.Compute(_app, files);
    }

    [Fact]
    public void TheSameBuildAndAssetsGiveTheSameFormatOnEveryInstance()
        => Assert.Equal(Format(), Format());

    [Fact]
    public void ALibraryOrPackageThatChangesChangesTheFormatNotOnlyTheEntryAssembly()
    {
        var before = Format();

        // Another version of a library beside the app (here: a different assembly under its name).
        File.Copy(typeof(StackExchange.Redis.ConnectionMultiplexer).Assembly.Location, Path.Combine(_app, "FPbase.Caching.dll"), overwrite: true);
        Assert.NotEqual(before, Format());
    }

    [Fact]
    public void APackageAddedChangesTheFormat()
    {
        var before = Format();
        File.Copy(typeof(Polly.ResiliencePipeline).Assembly.Location, Path.Combine(_app, "Polly.Core.dll"));
        Assert.NotEqual(before, Format());
    }

    [Fact]
    public void AWebRootFileThatChangesChangesTheFormatAndChangingItBackRestoresIt()
    {
        var before = Format();
        File.WriteAllText(Path.Combine(_web, "css", "site.css"), "body { color: navy }");
        var changed = Format();
        File.WriteAllText(Path.Combine(_web, "css", "site.css"), "body { color: black }");

        Assert.NotEqual(before, changed);
        Assert.Equal(before, Format());
    }
}

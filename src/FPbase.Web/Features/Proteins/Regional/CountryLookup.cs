using System.Net;
using MaxMind.Db;
using MaxMind.GeoIP2;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace FPbase.Web.Features.Proteins.Regional;

/// <summary>
/// A visitor's country (ISO code) from the local MaxMind database: the reader is opened once, read into memory (so the
/// file can be replaced under it), and opened again whenever the file changes (a file watcher on its folder), the old
/// reader left to the collector. Lookups never touch the network and never throw: an address the database does not
/// know, a private address, or no database at all give null.
/// </summary>
public sealed partial class CountryLookup : IDisposable
{
    private readonly ILogger<CountryLookup> _logger;
    private readonly string? _path;
    private readonly PhysicalFileProvider? _folder;
    private readonly IDisposable? _watch;
    private volatile DatabaseReader? _reader;

    public CountryLookup(IOptions<CountryOptions> options, IHostEnvironment environment, ILogger<CountryLookup> logger)
    {
        _logger = logger;
        if (string.IsNullOrWhiteSpace(options.Value.DatabasePath))
        {
            return;
        }

        _path = Path.GetFullPath(options.Value.DatabasePath, environment.ContentRootPath);
        var directory = Path.GetDirectoryName(_path)!;
        if (Directory.Exists(directory))
        {
            _folder = new PhysicalFileProvider(directory);
            var name = Path.GetFileName(_path);
            _watch = ChangeToken.OnChange(() => _folder.Watch(name), Open);
        }

        Open();
    }

    /// <summary>The ISO 3166 code of <paramref name="address"/>'s country (<c>CN</c>, <c>GB</c>), or null.</summary>
    public string? CountryOf(IPAddress? address)
    {
        if (address is null || _reader is not { } reader)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        try
        {
            return reader.TryCountry(address, out var response) ? response?.Country.IsoCode : null;
        }
        catch (InvalidDatabaseException ex)
        {
            LogUnreadable(_logger, _path!, ex.Message);
            return null;
        }
    }

    private void Open()
    {
        if (_path is null)
        {
            return;
        }

        if (!File.Exists(_path))
        {
            LogMissing(_logger, _path);
            return;
        }

        try
        {
            _reader = new DatabaseReader(_path, FileAccessMode.Memory);
            LogOpened(_logger, _path);
        }
        catch (Exception ex) when (ex is IOException or InvalidDatabaseException or UnauthorizedAccessException or ArgumentException)
        {
            // Being written (a copy in progress) or not a MaxMind database: keep the last good reader; the next change tries again.
            LogUnreadable(_logger, _path, ex.Message);
        }
    }

    public void Dispose()
    {
        _watch?.Dispose();
        _folder?.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Country database opened: {Path}")]
    private static partial void LogOpened(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Country database {Path} does not exist; no visitor has a country until it appears")]
    private static partial void LogMissing(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Country database {Path} cannot be read ({Reason}); the last good one stays in use")]
    private static partial void LogUnreadable(ILogger logger, string path, string reason);
}

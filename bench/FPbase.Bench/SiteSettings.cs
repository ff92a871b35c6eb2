using System.Globalization;
using System.Reflection;
using FPbase.Caching;
using FPbase.Web.Features.Spectra.List;
using Microsoft.Extensions.Configuration;

/// <summary>
/// The running site's settings as the site itself reads them (its appsettings.json, appsettings.{environment}.json
/// and the environment variables both processes share), bound onto the site's own options classes. Found by
/// reflection rather than by name, so that the benchmark keeps compiling while those classes change: every
/// options class with a <c>SectionName</c> constant in the caching library and the site is bound from its section.
/// </summary>
internal sealed class SiteSettings
{
    private readonly List<(string Section, object Options)> _bound = [];

    private SiteSettings(IConfiguration configuration)
    {
        Configuration = configuration;
        foreach (var type in OptionsTypes())
        {
            if (type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() is not string section
                || type.GetConstructor(Type.EmptyTypes) is null)
            {
                continue;
            }

            try
            {
                var options = Activator.CreateInstance(type)!;
                configuration.GetSection(section).Bind(options);
                _bound.Add((section, options));
            }
            catch (Exception ex) when (ex is InvalidOperationException or TargetInvocationException or MissingMethodException)
            {
                // A class the binder cannot fill is not one of ours to read.
            }
        }
    }

    public IConfiguration Configuration { get; }

    public static SiteSettings Load(string contentRoot)
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production";
        return new SiteSettings(new ConfigurationBuilder()
            .SetBasePath(Path.GetFullPath(contentRoot))
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .Build());
    }

    /// <summary>
    /// The configured memory budget of cached payloads: a setting whose name says budget (or a memory or local-cache
    /// size in bytes), in any section. Null when the site has no such setting; Bytes null or 0 when it has one that
    /// is not set (unbounded).
    /// </summary>
    /// <summary>The payload memory budget the site runs with: <c>HttpCaching:PayloadMemoryBytes</c>, as bound from its configuration.</summary>
    public (string Setting, long? Bytes)? MemoryBudget()
        => _bound.Select(b => b.Options).OfType<HttpCachingOptions>().FirstOrDefault() is { } caching
            ? ($"{HttpCachingOptions.SectionName}:{nameof(HttpCachingOptions.PayloadMemoryBytes)}", caching.PayloadMemoryBytes)
            : null;

    /// <summary>The settings of section <paramref name="section"/> that are numbers, as <c>Name=value</c>, or null when the site has no such options.</summary>
    public string? Describe(string section)
    {
        var options = _bound.FirstOrDefault(b => b.Section == section).Options;
        if (options is null)
        {
            return null;
        }

        var values = options.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && (p.PropertyType.IsPrimitive || p.PropertyType == typeof(decimal)))
            .Select(p => $"{p.Name}={Convert.ToString(p.GetValue(options), CultureInfo.InvariantCulture)}");
        return string.Join(", ", values);
    }

    private static IEnumerable<Type> OptionsTypes()
    {
        foreach (var assembly in new[] { typeof(HttpCachingOptions).Assembly, typeof(SpectraListQuery).Assembly }.Distinct())
        {
            Type?[] types;
            try
            {
                types = assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException ex)
            {
                types = ex.Types;
            }

            foreach (var type in types)
            {
                if (type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false })
                {
                    yield return type;
                }
            }
        }
    }
}

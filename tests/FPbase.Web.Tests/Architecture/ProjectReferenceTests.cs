using System.Reflection;
using System.Xml.Linq;
using FPbase.Web.Tests.Deployment;

namespace FPbase.Web.Tests.Architecture;

/// <summary>
/// The reference rule of docs/architecture.md: FPbase.Caching knows nothing of the domain or the host, FPbase.Data
/// nothing of the host. Checked twice: on the compiled assemblies (what the code really uses) and on the project files
/// (a reference nothing uses yet would let the next change use it).
/// </summary>
public sealed class ProjectReferenceTests
{
    private static readonly Assembly Caching = typeof(FPbase.Caching.CacheResourcesAttribute).Assembly;
    private static readonly Assembly Data = typeof(FPbase.Data.FpbaseDbContext).Assembly;
    private static readonly Assembly Web = typeof(Program).Assembly;

    /// <summary>Each project and the FPbase projects it may reference.</summary>
    public static TheoryData<string, string[]> Allowed => new()
    {
        { "FPbase.Caching", [] },
        { "FPbase.Data", ["FPbase.Caching"] },
        { "FPbase.Web", ["FPbase.Caching", "FPbase.Data"] },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void EachAssemblyReferencesOnlyTheFpbaseAssembliesBelowIt(string project, string[] allowed)
    {
        var assembly = new[] { Caching, Data, Web }.Single(a => a.GetName().Name == project);
        var references = assembly.GetReferencedAssemblies()
            .Select(r => r.Name!)
            .Where(name => name.StartsWith("FPbase.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        Assert.Equal(allowed.Order(StringComparer.Ordinal), references);
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public void EachProjectFileReferencesOnlyTheFpbaseProjectsBelowIt(string project, string[] allowed)
    {
        var file = XDocument.Load(RepositoryRoot.Combine("src", project, project + ".csproj"));
        var references = file.Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .Order(StringComparer.Ordinal);
        Assert.Equal(allowed.Order(StringComparer.Ordinal), references);
    }
}

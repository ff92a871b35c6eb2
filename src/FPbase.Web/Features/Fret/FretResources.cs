using FPbase.Data;

namespace FPbase.Web.Features.Fret;

/// <summary>What the Förster list is built from: the spectra and the proteins' photophysics (in this order, for stamps).</summary>
internal static class FretResources
{
    public static readonly IReadOnlyList<string> Names = [CacheDependencies.Spectra, CacheDependencies.Proteins];
}

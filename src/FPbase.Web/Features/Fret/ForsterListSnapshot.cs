using System.Security.Cryptography;
using System.Text;
using FPbase.Data.Domain.Fret;

namespace FPbase.Web.Features.Fret;

/// <summary>
/// The Förster list computed for one version of <see cref="FretResources.Names"/>: the stamp read before its data
/// (so the data is at least that new), the pairs, the proteins the picker offers, and how long it took.
/// </summary>
internal sealed record ForsterListSnapshot(string Stamp, ForsterPair[] Pairs, FretPickerOptions Picker, TimeSpan Took)
{
    /// <summary>A hash of the stamp: the list's version as the page and the JSON name it (the stamp's tokens stay private).</summary>
    public string Version { get; } = VersionOf(Stamp);

    public static string VersionOf(string stamp)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stamp)))[..16];
}

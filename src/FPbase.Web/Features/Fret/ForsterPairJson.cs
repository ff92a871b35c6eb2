using System.Text.Json.Serialization;
using FPbase.Data.Domain.Fret;

namespace FPbase.Web.Features.Fret;

/// <summary>
/// One row of FPbase's Förster list, with FPbase's keys. Two deliberate differences: <c>donor</c> and
/// <c>acceptor</c> are objects (slug, name, cofactor) instead of FPbase's HTML links, and <c>acceptorEC</c> is a
/// number instead of a string with thousands separators.
/// </summary>
public sealed record ForsterPairJson(
    FretProteinJson Donor,
    FretProteinJson Acceptor,
    int? DonorPeak,
    int? AcceptorPeak,
    [property: JsonPropertyName("emdist")] int? EmDistance,
    [property: JsonPropertyName("donorQY")] double? DonorQy,
    [property: JsonPropertyName("acceptorQY")] double? AcceptorQy,
    [property: JsonPropertyName("acceptorEC")] int? AcceptorEc,
    double Overlap,
    double Forster,
    [property: JsonPropertyName("forsterQYA")] double? ForsterQya)
{
    internal static ForsterPairJson Of(ForsterPair pair) => new(
        FretProteinJson.Of(pair.Donor),
        FretProteinJson.Of(pair.Acceptor),
        pair.Donor.ExMax,
        pair.Acceptor.ExMax,
        pair.EmDistance,
        pair.Donor.Qy,
        pair.Acceptor.Qy,
        pair.Acceptor.ExtCoeff,
        pair.Overlap,
        pair.Forster,
        pair.ForsterQya);
}

/// <summary>A donor or acceptor as the list names it: its page is <c>/protein/{slug}/</c>.</summary>
public sealed record FretProteinJson(string Slug, string Name, string Cofactor)
{
    internal static FretProteinJson Of(FretProtein protein) => new(protein.Slug, protein.Name, protein.Cofactor);
}

using FPbase.Caching;

namespace FPbase.Web.Features.Fret;

/// <summary>
/// The query of <c>/api/fret/pair/</c>: <c>donor</c> and <c>acceptor</c>, protein slugs, lower-cased (slugs are
/// stored lower-case), so <c>EGFP</c> and <c>egfp</c> share one cached pair.
/// </summary>
public sealed class FretPairParameters() : QueryParameters(Donor, Acceptor)
{
    public const string Donor = "donor";
    public const string Acceptor = "acceptor";

    /// <summary>The longest slug looked up; a longer value is a 400 before any query.</summary>
    public const int MaxSlugLength = 100;

    protected override string? Canonical(string name, string value)
        => value.Trim() is { Length: > 0 } trimmed ? trimmed.ToLowerInvariant() : null;
}

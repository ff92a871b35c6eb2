using FPbase.Caching;

namespace FPbase.Web.Features.Microscopes.Pages;

/// <summary>
/// FPbase's microscope page parameters: <c>c</c>, the optical config shown (its name, as FPbase links it, or its id;
/// default the first), and <c>p</c>, the fluor drawn with it (a state's slug, as FPbase's scope report links it).
/// Anything else is ignored. A value naming nothing of this microscope is a 404, so variants are bounded by the
/// microscope's configs times the fluors.
/// </summary>
public sealed class MicroscopePageParameters : QueryParameters
{
    public MicroscopePageParameters()
        : base("c", "p")
    {
    }
}

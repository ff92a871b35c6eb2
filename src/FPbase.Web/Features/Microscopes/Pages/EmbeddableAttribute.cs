namespace FPbase.Web.Features.Microscopes.Pages;

/// <summary>
/// Endpoint metadata: the page is made to be framed by other sites (FPbase's <c>xframe_options_exempt</c>).
/// <c>UseFpbaseFraming</c> (Infrastructure) sends <c>Content-Security-Policy: frame-ancestors *</c> and no
/// <c>X-Frame-Options</c> for it, on every answer, 304s and cached payloads included.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class EmbeddableAttribute : Attribute;

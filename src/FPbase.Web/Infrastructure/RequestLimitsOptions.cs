namespace FPbase.Web.Infrastructure;

/// <summary>Settings of section <c>RequestLimits</c>.</summary>
public sealed class RequestLimitsOptions
{
    public const string SectionName = "RequestLimits";

    /// <summary>
    /// The largest request body, in bytes, of any endpoint that does not say otherwise (1 MB). An endpoint that
    /// needs more (a spectrum upload) says so with <c>[RequestSizeLimit(n)]</c> or
    /// <c>.WithMetadata(new RequestSizeLimitAttribute(n))</c>; <c>[DisableRequestSizeLimit]</c> lifts it.
    /// </summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;
}

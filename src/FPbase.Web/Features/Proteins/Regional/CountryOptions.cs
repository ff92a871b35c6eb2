namespace FPbase.Web.Features.Proteins.Regional;

/// <summary>
/// Section <c>Country</c>: the MaxMind country database (GeoLite2-Country or GeoIP2-Country <c>.mmdb</c>) the site
/// reads visitors' countries from. Relative paths are under the content root. Empty (the default): no visitor has a
/// known country. A file that is missing or unreadable is logged and read as soon as it appears or changes.
/// </summary>
public sealed class CountryOptions
{
    public const string SectionName = "Country";

    public string? DatabasePath { get; set; }
}

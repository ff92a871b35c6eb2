using System.Globalization;
using System.Text;
using System.Xml;
using FPbase.Caching;
using FPbase.Data;
using Microsoft.AspNetCore.Mvc;

namespace FPbase.Web.Features.Crawlers;

/// <summary>
/// <c>/sitemap.xml</c> (every public protein, reference and microscope, and the site's own pages, with absolute URLs
/// on <see cref="SiteOriginResolver"/>'s origin; cached by the resources it lists) and <c>/robots.txt</c> (FPbase's
/// rules for this site's URLs, and the sitemap). Bounded: the sitemap is three queries of two columns over the
/// public rows; FPbase's scale (about 1,500 proteins, 1,000 references, 200 microscopes) is far below the protocol's
/// 50,000 URLs per file.
/// </summary>
public sealed class CrawlersController(FpbaseDbContext db) : ControllerBase
{
    private static readonly XmlWriterSettings XmlSettings = new() { Encoding = new UTF8Encoding(false), Indent = false, Async = true };

    [HttpGet("/sitemap.xml")]
    [HttpHead("/sitemap.xml")]
    [CacheResources(CacheDependencies.Proteins, CacheDependencies.References, CacheDependencies.Microscopes, Name = "sitemap", Resolver = typeof(SiteOriginResolver))]
    public async Task<IActionResult> Sitemap(CancellationToken cancellationToken)
    {
        var origin = SiteOriginResolver.For(HttpContext);
        var entries = await SitemapQuery.LoadAsync(db, cancellationToken);
        using var buffer = new MemoryStream();
        await using (var xml = XmlWriter.Create(buffer, XmlSettings))
        {
            await xml.WriteStartDocumentAsync();
            xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var entry in entries)
            {
                xml.WriteStartElement("url");
                xml.WriteElementString("loc", origin + entry.Path);
                if (entry.Modified is { } modified)
                {
                    xml.WriteElementString("lastmod", modified.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }

                xml.WriteElementString("changefreq", "weekly");
                xml.WriteElementString("priority", entry.Priority);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            await xml.WriteEndDocumentAsync();
        }

        return File(buffer.ToArray(), "application/xml; charset=utf-8");
    }

    [HttpGet("/robots.txt")]
    [HttpHead("/robots.txt")]
    [CacheResources(CacheDependencies.SitePages, Name = "robots", Resolver = typeof(SiteOriginResolver))]
    public IActionResult Robots()
    {
        var text = new StringBuilder()
            .Append("User-agent: *\n")
            .Append("Disallow: /protein/*/edit/\n")
            .Append("Disallow: /accounts/\n")
            .Append("Disallow: /moderation/\n")
            .Append("Disallow: /spectra/submit/\n")
            .Append("Disallow: /microscopes/new/\n")
            .Append("Disallow: /microscopes/*/edit/\n")
            .Append("Disallow: /optical-configs/new/\n")
            .Append("Disallow: /optical-configs/*/edit/\n")
            .Append("Disallow: /api/tokens/\n")
            .Append("Disallow: /api/me/\n")
            .Append('\n')
            .Append("Sitemap: ").Append(SiteOriginResolver.For(HttpContext)).Append("/sitemap.xml\n");
        return Content(text.ToString(), "text/plain; charset=utf-8");
    }
}

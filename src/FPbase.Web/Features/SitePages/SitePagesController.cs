using FPbase.Caching;
using FPbase.Data;
using FPbase.Web.Features.Crawlers;
using Microsoft.AspNetCore.Mvc;

namespace FPbase.Web.Features.SitePages;

/// <summary>
/// The site's own pages at FPbase's URLs (backend/config/urls.py): <c>/about/</c>, <c>/cite/</c> and <c>/help/</c> (FPbase
/// redirects it to its documentation site; here it is a page saying what the REST API and GraphQL offer and how ETags
/// work, with examples on this site's origin, <see cref="SiteOriginResolver"/>). Their text changes only with the
/// build (<see cref="CacheDependencies.SitePages"/>), which is part of every ETag.
/// </summary>
public sealed class SitePagesController : Controller
{
    [HttpGet("/about/")]
    [HttpHead("/about/")]
    [CacheResources(CacheDependencies.SitePages, Name = "about-page")]
    public IActionResult About() => View("~/Features/SitePages/About.cshtml");

    [HttpGet("/cite/")]
    [HttpHead("/cite/")]
    [CacheResources(CacheDependencies.SitePages, Name = "cite-page")]
    public IActionResult Cite() => View("~/Features/SitePages/Cite.cshtml");

    [HttpGet("/help/")]
    [HttpHead("/help/")]
    [CacheResources(CacheDependencies.SitePages, Name = "help-page", Resolver = typeof(SiteOriginResolver))]
    public IActionResult Help() => View("~/Features/SitePages/Help.cshtml", SiteOriginResolver.For(HttpContext));
}

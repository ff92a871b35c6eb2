using FPbase.Web.Features.References;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// The server-rendered pages (proteins, references, the table, spectra images, lineage JSON) are ordinary
/// controllers; this registers what they need besides MVC, and serves wwwroot's files with fingerprinted,
/// immutable URLs (<c>MapStaticAssets</c>, <c>@Assets["css/site.css"]</c> in views).
/// </summary>
internal static class PagesHostingExtensions
{
    public static WebApplicationBuilder AddFpbasePages(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReferenceDoiResolver>();
        return builder;
    }

    public static WebApplication MapFpbaseStaticAssets(this WebApplication app)
    {
        app.MapStaticAssets();
        return app;
    }
}

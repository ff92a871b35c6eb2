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
        builder.Services.AddSingleton<FPbase.Web.Features.Excerpts.ProteinNames>();
        builder.Services.AddSingleton<FPbase.Web.Features.Crawlers.SiteOriginResolver>();
        builder.Services.AddOptions<FPbase.Web.Features.Crawlers.SiteOriginOptions>().BindConfiguration(FPbase.Web.Features.Crawlers.SiteOriginOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<FPbase.Web.Features.Crawlers.SiteOriginOptions>, FPbase.Web.Features.Crawlers.SiteOriginOptionsValidator>();

        // Run from build output (dotnet run, tests, any environment), the asset manifest points into obj/
        // for the precompressed copies; this lets the host find them. A published app has no runtime
        // manifest, so this changes nothing there.
        builder.WebHost.UseStaticWebAssets();

        // `dotnet run` and the tests serve the build's asset manifest, for which ASP.NET Core turns every
        // Cache-Control into no-cache unless told otherwise. The manifest's own headers are right for us in
        // every environment: fingerprinted URLs are immutable (a change gives a new URL), the plain ones no-cache.
        if (builder.Configuration["EnableStaticAssetsDevelopmentCaching"] is null)
        {
            builder.Configuration["EnableStaticAssetsDevelopmentCaching"] = "true";
        }

        return builder;
    }

    public static WebApplication MapFpbaseStaticAssets(this WebApplication app)
    {
        app.MapStaticAssets();
        return app;
    }
}

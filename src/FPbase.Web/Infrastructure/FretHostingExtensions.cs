using FPbase.Web.Features.Fret;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// The FRET calculator (<c>Features/Fret/</c>): the Förster list's background worker, the lists it keeps per
/// version, and the resolver by which its pages say which list they show.
/// </summary>
internal static class FretHostingExtensions
{
    public static WebApplicationBuilder AddFpbaseFret(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<FretOptions>().BindConfiguration(FretOptions.SectionName);
        builder.Services.AddSingleton<ForsterListResults>();
        builder.Services.AddSingleton<IForsterListSource, DatabaseForsterListSource>();
        builder.Services.AddSingleton<FretListResolver>();
        builder.Services.AddHostedService<ForsterListWorker>();
        return builder;
    }
}

using FPbase.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Behind a reverse proxy (nginx, Varnish, a load balancer): the client's address and scheme from
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>, believed only from the proxies listed in
/// <c>ForwardedHeaders:KnownProxies</c> / <c>ForwardedHeaders:KnownNetworks</c> (<see cref="ForwardedHeadersSettings"/>).
/// With none listed nothing is read: the peer is the client. First in the pipeline, so that everything after it
/// (rate limiting per client address, Secure cookies and antiforgery, which need HTTPS) sees the client, not the
/// proxy. The setup, with an nginx example: docs/deployment.md.
/// </summary>
internal static class ForwardedHeadersHostingExtensions
{
    public static WebApplicationBuilder AddFpbaseForwardedHeaders(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ForwardedHeadersSettings>()
            .Configure<IConfiguration>((settings, configuration) => settings.ReadFrom(configuration.GetSection(ForwardedHeadersSettings.SectionName)))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ForwardedHeadersSettings>, ForwardedHeadersSettings.Validator>();
        builder.Services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IOptions<ForwardedHeadersSettings>>((options, settings) =>
            {
                if (settings.Value.Enabled)
                {
                    settings.Value.ApplyTo(options);
                }
            });
        return builder;
    }

    /// <summary>
    /// Before everything else. Nothing is added when no proxy is listed, nor when ASP.NET Core's own switch
    /// (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c>) has already put the middleware first; it then uses these
    /// lists too, or trusts every peer when they are empty. Nor when the settings are invalid: the pipeline is
    /// configured before the settings are checked, and that check (HasValidSettings) then stops the site.
    /// </summary>
    public static WebApplication UseFpbaseForwardedHeaders(this WebApplication app)
    {
        ForwardedHeadersSettings settings;
        try
        {
            settings = app.Services.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value;
        }
        catch (OptionsValidationException)
        {
            return app;
        }

        if (settings.Enabled && !FrameworkSwitchIsOn(app.Configuration))
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    /// <summary>Whether a proxy's forwarded headers are believed at all: one is listed, or ASP.NET Core's switch is on.</summary>
    public static bool TrustsAProxy(ForwardedHeadersSettings settings, IConfiguration configuration)
        => settings.Enabled || FrameworkSwitchIsOn(configuration);

    // ASPNETCORE_FORWARDEDHEADERS_ENABLED, read by ASP.NET Core's ForwardedHeadersStartupFilter under this key.
    private static bool FrameworkSwitchIsOn(IConfiguration configuration)
        => string.Equals(configuration["ForwardedHeaders_Enabled"], "true", StringComparison.OrdinalIgnoreCase);
}

using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace FPbase.Web.Features.Accounts;

/// <summary>
/// ASP.NET Core's antiforgery, except over plain HTTP when its cookie is <c>Secure</c> (<c>Accounts:SecureCookies</c>):
/// there the framework throws an InvalidOperationException (a 500) from every call, the login form's token and
/// an unsafe request's check alike. This throws <see cref="HttpsRequiredException"/> instead, which
/// <see cref="HttpsRequiredExceptionHandler"/> answers with a 403 problem. Over HTTPS it only delegates.
/// </summary>
internal sealed class HttpsRequiredAntiforgery(IAntiforgery inner, IOptions<AntiforgeryOptions> options) : IAntiforgery
{
    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext)
    {
        Check(httpContext);
        return inner.GetAndStoreTokens(httpContext);
    }

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext)
    {
        Check(httpContext);
        return inner.GetTokens(httpContext);
    }

    public Task<bool> IsRequestValidAsync(HttpContext httpContext)
    {
        Check(httpContext);
        return inner.IsRequestValidAsync(httpContext);
    }

    public Task ValidateRequestAsync(HttpContext httpContext)
    {
        Check(httpContext);
        return inner.ValidateRequestAsync(httpContext);
    }

    public void SetCookieTokenAndHeader(HttpContext httpContext)
    {
        Check(httpContext);
        inner.SetCookieTokenAndHeader(httpContext);
    }

    /// <summary>Replaces the registered <see cref="IAntiforgery"/> (added by AddAntiforgery) with this decorator around it.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IAntiforgery))
            ?? throw new InvalidOperationException("AddAntiforgery must come before HttpsRequiredAntiforgery.Decorate.");
        services.Remove(registered);
        services.AddSingleton<IAntiforgery>(sp => new HttpsRequiredAntiforgery(
            registered switch
            {
                { ImplementationInstance: IAntiforgery instance } => instance,
                { ImplementationFactory: { } factory } => (IAntiforgery)factory(sp),
                _ => (IAntiforgery)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!),
            },
            sp.GetRequiredService<IOptions<AntiforgeryOptions>>()));
    }

    // The framework's own condition (DefaultAntiforgery.CheckSSLConfig).
    private void Check(HttpContext httpContext)
    {
        if (options.Value.Cookie.SecurePolicy == CookieSecurePolicy.Always && !httpContext.Request.IsHttps)
        {
            throw new HttpsRequiredException();
        }
    }
}

/// <summary>A request over plain HTTP needed a Secure cookie (see <see cref="HttpsRequiredAntiforgery"/>).</summary>
internal sealed class HttpsRequiredException()
    : InvalidOperationException("This request needs the Secure antiforgery cookie (Accounts:SecureCookies), but it came over plain HTTP.");

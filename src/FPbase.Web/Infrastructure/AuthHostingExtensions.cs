using FPbase.Caching;
using FPbase.Data;
using FPbase.Data.Identity;
using FPbase.Web.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Accounts and access control: ASP.NET Core Identity on FpbaseDbContext (users, roles Editor and Staff),
/// the site's login cookie, API tokens for scripts (<c>Authorization: Bearer</c>), the authorization policies
/// (<see cref="Policies"/>) and antiforgery for every unsafe request that is not token-authenticated; the
/// Data Protection key ring (cookies, antiforgery) lives in the database, shared by every instance.
/// Routes: <c>/accounts/login/</c>, <c>/accounts/register/</c>, <c>/accounts/logout/</c> (MVC),
/// <c>/api/me/</c> and <c>/api/tokens/</c>. Settings: section <c>Accounts</c> (<see cref="AccountOptions"/>).
/// Secure cookies (the default outside Development and Testing) need HTTPS: a site that can only be reached over
/// plain HTTP refuses to start (<see cref="SecureCookieTransportValidator"/>), and a request that arrives over
/// HTTP anyway and needs a cookie is a 403 problem (<see cref="HttpsRequiredAntiforgery"/>).
/// </summary>
internal static class AuthHostingExtensions
{
    public static WebApplicationBuilder AddFpbaseAuth(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(AccountOptions.SectionName);
        // Secure cookies on a site nobody reaches over HTTPS stop it at start (SecureCookieTransportValidator).
        builder.Services.AddOptions<AccountOptions>().Bind(section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AccountOptions>, SecureCookieTransportValidator>();
        var secure = (section.Get<AccountOptions>() ?? new AccountOptions()).UsesSecureCookies(builder.Environment);

        // Login cookies and antiforgery tokens are encrypted with a key ring kept in the database, so that every
        // web instance (and the next deploy) can read what another one wrote.
        builder.Services.AddDataProtection()
            .SetApplicationName("FPbase")
            .PersistKeysToDbContext<FpbaseDbContext>();

        builder.Services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // Length over composition rules (NIST SP 800-63B).
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<FpbaseDbContext>()
            .AddSignInManager();

        builder.Services.AddAuthentication(AuthSchemes.Default)
            .AddPolicyScheme(AuthSchemes.Default, "Login cookie or API token", options =>
                options.ForwardDefaultSelector = context => AuthSchemes.HasBearerHeader(context.Request) ? AuthSchemes.Bearer : AuthSchemes.Cookie)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(AuthSchemes.Bearer, null)
            .AddIdentityCookies();

        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = secure ? "__Host-fpbase" : "fpbase";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.Cookie.Path = "/";
            options.LoginPath = "/accounts/login/";
            options.LogoutPath = "/accounts/logout/";
            options.ExpireTimeSpan = TimeSpan.FromDays(14);
            options.SlidingExpiration = true;
            // A renewed cookie (sliding expiration, or the periodic security-stamp check) is a Set-Cookie header:
            // never on a response that may be public and shared by caches, only on private ones and writes.
            options.Events.OnValidatePrincipal = async context =>
            {
                await SecurityStampValidator.ValidatePrincipalAsync(context);
                context.ShouldRenew &= MayRenewCookie(context.HttpContext);
            };
            options.Events.OnCheckSlidingExpiration = context =>
            {
                context.ShouldRenew &= MayRenewCookie(context.HttpContext);
                return Task.CompletedTask;
            };
            // The API answers with status codes, never with a redirect to the login page.
            options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context =>
            {
                // Logged in, but without the role: a 403 problem everywhere (logging in again would not help).
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                context.Response.Headers.CacheControl = "no-store";
                return Task.CompletedTask;
            };
        });

        builder.Services.AddAntiforgery(options =>
        {
            options.HeaderName = AntiforgeryMiddleware.HeaderName;
            options.Cookie.Name = secure ? "__Host-fpbase.csrf" : "fpbase.csrf";
            options.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.Cookie.Path = "/";
        });
        // Over plain HTTP the Secure antiforgery cookie cannot work: a 403 problem instead of the framework's 500.
        HttpsRequiredAntiforgery.Decorate(builder.Services);
        builder.Services.AddExceptionHandler<HttpsRequiredExceptionHandler>();

        Policies.Add(builder.Services.AddAuthorizationBuilder());
        return builder;
    }

    /// <summary>Authentication, then the 401 for bearer tokens that do not authenticate.</summary>
    public static WebApplication UseFpbaseAuthentication(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseMiddleware<InvalidBearerTokenMiddleware>();
        return app;
    }

    /// <summary>
    /// After authorization: antiforgery for unsafe requests (<see cref="AntiforgeryMiddleware"/>), and ASP.NET
    /// Core's own antiforgery middleware, which minimal endpoints binding forms require.
    /// </summary>
    public static WebApplication UseFpbaseAntiforgery(this WebApplication app)
    {
        app.UseMiddleware<AntiforgeryMiddleware>();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapFpbaseAccounts(this WebApplication app)
    {
        MeEndpoint.Map(app);
        ApiTokenEndpoints.Map(app);
        return app;
    }

    /// <summary>
    /// Requests whose responses are never public: writes (but not the reads sent by POST, GraphQL queries, which
    /// are public), <c>/api/me/</c>, <c>/api/tokens/</c>, <c>/accounts/</c>. Were a cookie set on a public response
    /// anyway, <c>UseNoCookiesOnPublicResponses</c> would make it private; not renewing keeps it public.
    /// </summary>
    private static bool MayRenewCookie(HttpContext context)
    {
        var request = context.Request;
        var read = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || context.GetEndpoint()?.Metadata.GetMetadata<CacheResourcesAttribute>() is { PostIsSafe: true };
        return !read
            || request.Path.StartsWithSegments("/api/me")
            || request.Path.StartsWithSegments("/api/tokens")
            || request.Path.StartsWithSegments("/accounts");
    }

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        // Scripts and scrapers get the status, browsers the login form.
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments(MetricsHostingExtensions.ScrapePath))
        {
            context.Response.StatusCode = status;
            context.Response.Headers.CacheControl = "no-store";
            context.Response.Headers.WWWAuthenticate = AuthSchemes.Bearer;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}

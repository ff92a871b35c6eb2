namespace FPbase.Web.Features.Accounts;

/// <summary>Settings of section <c>Accounts</c>.</summary>
public sealed class AccountOptions
{
    public const string SectionName = "Accounts";

    /// <summary>
    /// Whether a newly registered user gets the Editor role, as on FPbase, where every registered user may
    /// edit (changes are recorded as revisions). Default true.
    /// </summary>
    public bool NewUsersAreEditors { get; set; } = true;

    /// <summary>
    /// Whether cookies are <c>Secure</c> and named with the <c>__Host-</c> prefix (the site is served over HTTPS,
    /// directly or through a TLS-terminating proxy trusted in <c>ForwardedHeaders</c>). Default: true, except in
    /// the Development and Testing environments (plain HTTP). See <see cref="UsesSecureCookies"/>.
    /// </summary>
    public bool? SecureCookies { get; set; }

    /// <summary><see cref="SecureCookies"/>, or its default in <paramref name="environment"/>.</summary>
    public bool UsesSecureCookies(IHostEnvironment environment)
        => SecureCookies ?? !(environment.IsDevelopment() || environment.IsEnvironment("Testing"));
}

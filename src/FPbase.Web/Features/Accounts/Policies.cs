using FPbase.Data.Identity;
using Microsoft.AspNetCore.Authorization;

namespace FPbase.Web.Features.Accounts;

/// <summary>
/// The authorization policies, by name. Anonymous users read; <see cref="Editor"/> writes; <see cref="Staff"/>
/// approves spectra and hides proteins. Staff implies Editor.
/// <list type="bullet">
/// <item>Controllers and actions: <c>[Authorize(Policy = Policies.Editor)]</c>, or <see cref="RequireEditorAttribute"/>.</item>
/// <item>Minimal endpoints and groups: <c>.RequireEditor()</c> / <c>.RequireStaff()</c> (<see cref="PolicyEndpointExtensions"/>).</item>
/// </list>
/// Unauthenticated: 401 on <c>/api/*</c> (with <c>WWW-Authenticate: Bearer</c>), a redirect to the login page
/// elsewhere; authenticated without the role: 403. Both before any 304.
/// </summary>
public static class Policies
{
    /// <summary>Users with the Editor or the Staff role.</summary>
    public const string Editor = "editor";

    /// <summary>Users with the Staff role.</summary>
    public const string Staff = "staff";

    internal static void Add(AuthorizationBuilder authorization) => authorization
        .AddPolicy(Editor, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Editor, Roles.Staff))
        .AddPolicy(Staff, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Staff));
}

/// <summary><c>[RequireEditor]</c>: <c>[Authorize(Policy = Policies.Editor)]</c>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequireEditorAttribute : AuthorizeAttribute
{
    public RequireEditorAttribute() => Policy = Policies.Editor;
}

/// <summary><c>[RequireStaff]</c>: <c>[Authorize(Policy = Policies.Staff)]</c>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequireStaffAttribute : AuthorizeAttribute
{
    public RequireStaffAttribute() => Policy = Policies.Staff;
}

/// <summary>The policies for minimal endpoints and route groups.</summary>
public static class PolicyEndpointExtensions
{
    /// <summary>Only editors (and staff) may call these endpoints.</summary>
    public static TBuilder RequireEditor<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
        => builder.RequireAuthorization(Policies.Editor);

    /// <summary>Only staff may call these endpoints.</summary>
    public static TBuilder RequireStaff<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
        => builder.RequireAuthorization(Policies.Staff);
}

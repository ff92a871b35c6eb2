using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FPbase.Caching.Http;

/// <summary>
/// What, besides the resources' versions, distinguishes one response of an endpoint from another:
/// the canonical query string (<see cref="QueryParameters"/>) and the values of the route template's
/// parameters. The path is left out, so an old URL of the same endpoint shares ETags and bytes with the
/// new one, but <c>/api/spectrum/17/</c> never shares with <c>/api/spectrum/18/</c>, whatever resources
/// the endpoint names. Ambient values
/// that MVC adds (<c>controller</c>, <c>action</c>) are left out too, so a write action sharing a read's
/// <see cref="CacheResourcesAttribute.Name"/> and parameters sees the read's ETag in If-Match.
/// </summary>
internal static class RequestVariant
{
    /// <param name="context">The request's context.</param>
    /// <param name="resolved">
    /// A request resolver's variant, which replaces the query string (a GraphQL query arrives by GET in
    /// the query string or by POST in the body, and both must share one ETag).
    /// </param>
    public static string Of(HttpContext context, string? resolved = null)
    {
        var query = resolved ?? context.Request.QueryString.Value ?? string.Empty;
        if (context.GetEndpoint() is not RouteEndpoint { RoutePattern.Parameters: { Count: > 0 } parameters })
        {
            return query;
        }

        var names = new string[parameters.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = parameters[i].Name;
        }

        Array.Sort(names, StringComparer.OrdinalIgnoreCase);
        var routeValues = context.Request.RouteValues;
        var builder = new StringBuilder(query);
        foreach (var name in names)
        {
            routeValues.TryGetValue(name, out var value);
            builder.Append('\n').Append(name).Append('=').Append(Convert.ToString(value, CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}

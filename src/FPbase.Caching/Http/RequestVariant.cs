using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace FPbase.Caching.Http;

/// <summary>
/// What, besides the resources' versions, distinguishes one response of an endpoint from another:
/// the query string and the route values (the path itself is left out, so an old URL of the same
/// endpoint shares ETags and bytes with the new one, but <c>/api/spectrum/17/</c> never shares with
/// <c>/api/spectrum/18/</c>, whatever resources the endpoint names).
/// </summary>
internal static class RequestVariant
{
    /// <param name="request">The request.</param>
    /// <param name="resolved">
    /// A request resolver's variant, which replaces the query string (a GraphQL query arrives by GET in
    /// the query string or by POST in the body, and both must share one ETag).
    /// </param>
    public static string Of(HttpRequest request, string? resolved = null)
    {
        var query = resolved ?? request.QueryString.Value ?? string.Empty;
        var routeValues = request.RouteValues;
        if (routeValues.Count == 0)
        {
            return query;
        }

        var builder = new StringBuilder(query);
        foreach (var (key, value) in routeValues.OrderBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase))
        {
            builder.Append('\n').Append(key).Append('=').Append(Convert.ToString(value, CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}

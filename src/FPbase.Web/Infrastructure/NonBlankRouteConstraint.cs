namespace FPbase.Web.Infrastructure;

/// <summary>
/// <c>{slug:nonblank}</c>: a route value that is not empty or only white space. MVC binds a blank string to
/// null, so without this a URL like <c>/protein/%20/</c> would reach the action with no slug; with it the
/// route does not match and the request is an ordinary 404.
/// </summary>
internal sealed class NonBlankRouteConstraint : IRouteConstraint
{
    public const string Name = "nonblank";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection)
        => values.TryGetValue(routeKey, out var value) && !string.IsNullOrWhiteSpace(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
}

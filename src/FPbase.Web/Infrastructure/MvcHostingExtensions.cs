using FPbase.Web.Infrastructure;

namespace Microsoft.AspNetCore.Builder;

internal static class MvcHostingExtensions
{
    public static WebApplicationBuilder AddFpbaseMvc(this WebApplicationBuilder builder)
    {
        builder.Services.AddControllersWithViews();
        builder.Services.Configure<RouteOptions>(options => options.ConstraintMap[NonBlankRouteConstraint.Name] = typeof(NonBlankRouteConstraint));
        return builder;
    }
}

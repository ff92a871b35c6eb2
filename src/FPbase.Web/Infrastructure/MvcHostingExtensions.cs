namespace Microsoft.AspNetCore.Builder;

internal static class MvcHostingExtensions
{
    public static WebApplicationBuilder AddFpbaseMvc(this WebApplicationBuilder builder)
    {
        builder.Services.AddControllersWithViews();
        return builder;
    }
}

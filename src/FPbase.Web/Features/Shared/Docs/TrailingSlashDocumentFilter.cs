using FPbase.Web.Features.Shared;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace FPbase.Web.Features.Shared.Docs;

/// <summary>
/// Writes the paths as FPbase's URLs are, with their trailing slash (<c>/api/proteins/</c>), which
/// the API explorer trims. Both forms are routed.
/// </summary>
internal sealed class TrailingSlashDocumentFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        var paths = new OpenApiPaths();
        foreach (var (path, item) in swaggerDoc.Paths)
        {
            paths[path.EndsWith('/') ? path : path + "/"] = item;
        }

        swaggerDoc.Paths = paths;
    }
}

using FPbase.Web.Features.GraphQL.Loading;
using GraphQL;

namespace FPbase.Web.Features.GraphQL.Types;

internal static class ResolveFieldContextExtensions
{
    /// <summary>The request's batched loaders (scoped: one DbContext per request).</summary>
    public static GraphLoaders Loaders(this IResolveFieldContext context)
        => context.RequestServices!.GetRequiredService<GraphLoaders>();
}

using FPbase.Caching;
using FPbase.Web.Features.GraphQL.Caching;
using FPbase.Web.Features.GraphQL.Loading;
using FPbase.Web.Features.GraphQL.Transport;
using FPbase.Web.Features.GraphQL.Types;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// FPbase's GraphQL API at <c>/graphql/</c> (GraphQL.NET): queries run one resolver at a time on the
/// request's DbContext, relations load in batches, depth and complexity are limited, and responses are
/// cached per query and versions like every other read (GET and POST share ETags and bytes).
/// </summary>
internal static class GraphQLHostingExtensions
{
    /// <summary>Deep enough for FPbase's clients (a microscope's filter spectra are 6 levels).</summary>
    public const int MaxDepth = 15;

    /// <summary>GraphQL.NET's estimate (lists count 5 rows); FPbase clients send a few hundred; every protein with its states, spectra and references about 40,000.</summary>
    public const int MaxComplexity = 100_000;

    public static WebApplicationBuilder AddFpbaseGraphQL(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<GraphLoaders>();
        builder.Services.AddSingleton<GraphQLResourceResolver>();
        builder.Services.AddGraphQL(graphQL => graphQL
            .AddSchema<FpbaseSchema>()
            .AddGraphTypes(typeof(FpbaseSchema).Assembly)
            .AddSystemTextJson(json => json.Converters.Add(new SpectrumValuesJsonConverter()))
            // One DbContext per request is never used by two resolvers at once.
            .AddExecutionStrategy(SerialExecutionStrategy.Instance, OperationType.Query)
            .AddComplexityAnalyzer(options =>
            {
                options.MaxDepth = MaxDepth;
                options.MaxComplexity = MaxComplexity;
            }));
        return builder;
    }

    public static WebApplication MapFpbaseGraphQL(this WebApplication app)
    {
        app.MapMethods("/graphql/", [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post], GraphQLEndpoint.HandleAsync)
            .CacheResources(new CacheResourcesAttribute
            {
                Name = "graphql",
                Resolver = typeof(GraphQLResourceResolver),
                Query = typeof(GraphQLQueryParameters),
                PostIsSafe = true,
            })
            .DisableAntiforgery();
        return app;
    }
}

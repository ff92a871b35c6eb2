using FPbase.Data;
using FPbase.Data.Entities;
using FPbase.Web.Features.GraphQL.Caching;
using FPbase.Web.Features.GraphQL.Types;
using FPbase.Web.Tests.Infrastructure;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace FPbase.Web.Tests.GraphQL;

/// <summary>
/// The GraphQL resource map says which entity each type's data is, and the dependency map's rules decide from that
/// what <c>protein:{uuid}</c> covers: both must be true of the schema and of the rules.
/// </summary>
public sealed class GraphQLResourceMapTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public void EveryObjectTypeOfAnEntityIsMappedToThatEntity()
    {
        var schema = site.App.Services.GetRequiredService<FpbaseSchema>();
        schema.Initialize();
        var problems = new List<string>();
        foreach (var type in schema.AllTypes.OfType<IObjectGraphType>().Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal)))
        {
            var source = SourceType(type.GetType());
            if (source is not null && source.Namespace == typeof(Protein).Namespace && GraphQLResourceMap.EntityOf.GetValueOrDefault(type.Name) != source)
            {
                problems.Add($"{type.Name} shows {source.Name}, the map says {GraphQLResourceMap.EntityOf.GetValueOrDefault(type.Name)?.Name ?? "nothing"}");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void TheProteinRowCoversTheTypesOfEntitiesWhoseRulesBumpProteinPages()
    {
        Assert.Equal(
            ["Author", "FluorophoreInterface", "OSERMeasurement", "Organism", "Protein", "ProteinNode", "Reference", "Spectrum", "SpectrumOwnerInterface", "State", "StateTransition"],
            GraphQLResourceMap.CoveredByProteinRow.Order(StringComparer.Ordinal));
        Assert.True(CacheDependencies.RowPagesShow(CacheDependencies.ProteinRow, typeof(Organism)));
        Assert.False(CacheDependencies.RowPagesShow(CacheDependencies.ProteinRow, typeof(DyeState)));
        Assert.True(CacheDependencies.RowPagesShow(CacheDependencies.DyeRow, typeof(DyeState)));
        Assert.Throws<InvalidOperationException>(() => CacheDependencies.RowPagesShow(CacheDependencies.ProteinRow, typeof(string)));
    }

    private static Type? SourceType(Type graphType)
    {
        for (var t = graphType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(ObjectGraphType<>))
            {
                return t.GetGenericArguments()[0];
            }
        }

        return null;
    }
}

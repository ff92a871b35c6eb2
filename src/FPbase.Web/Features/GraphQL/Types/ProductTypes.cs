using FPbase.Data.Entities;
using GraphQL.Types;

namespace FPbase.Web.Features.GraphQL.Types;

/// <summary>Filters, lights and cameras: spectrum owners with a product name, slug and URL.</summary>
internal sealed class FilterType : ObjectGraphType<Filter>
{
    public FilterType()
    {
        Name = "Filter";
        IsTypeOf = o => o is Filter;
        Interface<SpectrumOwnerInterface>();
        this.AddProductFields("filter");
        Field(f => f.Bandcenter, nullable: true);
        Field(f => f.Bandwidth, nullable: true);
        Field(f => f.Edge, nullable: true);
        Field(f => f.Tavg, nullable: true);
        Field(f => f.Aoi, nullable: true);
        Field<SpectrumType>("spectrum").Resolve(c => c.Loaders().SpectrumOfFilter(c.Source.Id));
    }
}

internal sealed class LightType : ObjectGraphType<Light>
{
    public LightType()
    {
        Name = "Light";
        IsTypeOf = o => o is Light;
        Interface<SpectrumOwnerInterface>();
        this.AddProductFields("light");
        Field<SpectrumType>("spectrum").Resolve(c => c.Loaders().SpectrumOfLight(c.Source.Id));
    }
}

internal sealed class CameraType : ObjectGraphType<Camera>
{
    public CameraType()
    {
        Name = "Camera";
        IsTypeOf = o => o is Camera;
        Interface<SpectrumOwnerInterface>();
        this.AddProductFields("camera");
        Field<SpectrumType>("spectrum").Resolve(c => c.Loaders().SpectrumOfCamera(c.Source.Id));
    }
}

/// <summary>The fields every product type shows, as FPbase's graphene types do.</summary>
internal static class ProductFields
{
    /// <param name="type">The product's GraphQL type.</param>
    /// <param name="typ">FPbase's <c>typ</c> of a spectrum owner ("filter", "light", "camera"), or null for types without one.</param>
    public static void AddProductFields<T>(this ObjectGraphType<T> type, string? typ = null)
        where T : Product
    {
        type.Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        type.Field(p => p.Name);
        if (typ is not null)
        {
            type.Field<StringGraphType>("typ").Resolve(_ => typ);
        }

        type.Field(p => p.Slug);
        type.Field(p => p.Manufacturer);
        type.Field(p => p.Part);
        type.Field(p => p.Url);
    }
}

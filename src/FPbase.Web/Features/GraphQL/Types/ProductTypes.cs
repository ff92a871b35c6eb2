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
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field(f => f.Name);
        Field<StringGraphType>("typ").Resolve(_ => "filter");
        Field(f => f.Slug);
        Field(f => f.Manufacturer);
        Field(f => f.Part);
        Field(f => f.Url);
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
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field(l => l.Name);
        Field<StringGraphType>("typ").Resolve(_ => "light");
        Field(l => l.Slug);
        Field(l => l.Manufacturer);
        Field(l => l.Part);
        Field(l => l.Url);
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
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field(c => c.Name);
        Field<StringGraphType>("typ").Resolve(_ => "camera");
        Field(c => c.Slug);
        Field(c => c.Manufacturer);
        Field(c => c.Part);
        Field(c => c.Url);
        Field<SpectrumType>("spectrum").Resolve(c => c.Loaders().SpectrumOfCamera(c.Source.Id));
    }
}

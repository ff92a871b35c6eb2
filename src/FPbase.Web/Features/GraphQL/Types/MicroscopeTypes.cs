using FPbase.Data.Entities;
using FPbase.Web.Features.GraphQL.Loading;
using GraphQL.Types;

namespace FPbase.Web.Features.GraphQL.Types;

internal sealed class MicroscopeType : ObjectGraphType<Microscope>
{
    public MicroscopeType()
    {
        Name = "Microscope";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field(m => m.Name);
        Field(m => m.Description);
        Field<ListGraphType<LightType>>("extraLights").Resolve(c => c.Loaders().ExtraLightsOf(c.Source.Id));
        Field<ListGraphType<CameraType>>("extraCameras").Resolve(c => c.Loaders().ExtraCamerasOf(c.Source.Id));
        Field<ListGraphType<IntGraphType>>("extraLasers").Resolve(c => c.Source.ExtraLasers);
        Field<ListGraphType<OpticalConfigType>>("opticalConfigs").Resolve(c => c.Loaders().ConfigsOfMicroscope(c.Source.Id));
    }
}

internal sealed class OpticalConfigType : ObjectGraphType<OpticalConfig>
{
    public OpticalConfigType()
    {
        Name = "OpticalConfig";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field(o => o.Name);
        Field(o => o.Description);
        Field(o => o.Comments);
        Field<MicroscopeType>("microscope").Resolve(c => c.Loaders().Microscope(c.Source.MicroscopeId));
        Field<ListGraphType<FilterPlacementType>>("filters").Resolve(c => c.Loaders().PlacementsOfConfig(c.Source.Id));
        Field<LightType>("light").Resolve(c => c.Source.LightId is { } id ? c.Loaders().Light(id) : null);
        Field<CameraType>("camera").Resolve(c => c.Source.CameraId is { } id ? c.Loaders().Camera(id) : null);
        Field(o => o.Laser, nullable: true);
    }
}

/// <summary>A filter in an optical config. As in FPbase, <c>id</c> is the filter's id and <c>name</c>/<c>spectrum</c> are the filter's.</summary>
internal sealed class FilterPlacementType : ObjectGraphType<FilterPlacement>
{
    public FilterPlacementType()
    {
        Name = "FilterPlacement";
        Field<IdGraphType>("id").Resolve(c => c.Source.FilterId);
        Field<FilterType>("filter").Resolve(c => c.Loaders().Filter(c.Source.FilterId));
        Field<StringGraphType>("name").Resolve(c => c.Loaders().Filter(c.Source.FilterId).Then(f => f?.Name));
        Field<SpectrumType>("spectrum").Resolve(c => c.Loaders().SpectrumOfFilter(c.Source.FilterId));
        Field<IdGraphType>("spectrumId").Resolve(c => c.Loaders().SpectrumOfFilter(c.Source.FilterId).Then(s => s?.Id));
        Field<NonNullGraphType<FilterPlacementPathEnum>>("path").Resolve(c => c.Source.Path);
        Field(p => p.Reflects);
    }
}

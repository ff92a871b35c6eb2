using FPbase.Data.Domain;
using FPbase.Web.Features.GraphQL.Loading;
using GraphQL;
using GraphQL.Types;

namespace FPbase.Web.Features.GraphQL.Types;

/// <summary>One spectrum: its values are loaded only when <c>data</c> is selected.</summary>
internal sealed class SpectrumType : ObjectGraphType<SpectrumNode>
{
    public SpectrumType()
    {
        Name = "Spectrum";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<SpectrumCategoryEnum>>("category").Resolve(c => c.Source.Category);
        Field<NonNullGraphType<SpectrumSubtypeEnum>>("subtype").Resolve(c => c.Source.Subtype);
        Field<SpectrumDataType>("data").Resolve(c => c.Loaders().Values(c.Source.Id));
        Field<StringGraphType>("color").Resolve(c => WaveToHex.Convert(c.Source.PeakWave));
        Field(s => s.PeakWave, nullable: true);
        Field(s => s.MinWave);
        Field(s => s.MaxWave);
        Field(s => s.ScaleFactor, nullable: true);
        Field(s => s.Ph, nullable: true);
        Field(s => s.Solvent);
        Field(s => s.Source);
        Field<SpectrumOwnerInterface>("owner").Resolve(Owner);
        Field<FilterType>("ownerFilter").Resolve(c => c.Source.OwnerFilterId is { } id ? c.Loaders().Filter(id) : null);
        Field<LightType>("ownerLight").Resolve(c => c.Source.OwnerLightId is { } id ? c.Loaders().Light(id) : null);
        Field<CameraType>("ownerCamera").Resolve(c => c.Source.OwnerCameraId is { } id ? c.Loaders().Camera(id) : null);
        Field<ReferenceType>("reference").Resolve(c => c.Source.ReferenceId is { } id ? c.Loaders().Reference(id) : null);
    }

    private static object? Owner(IResolveFieldContext<SpectrumNode> c)
    {
        var s = c.Source;
        var loaders = c.Loaders();
        return s.OwnerFluorId is { } fluor ? loaders.Fluor(fluor)
            : s.OwnerFilterId is { } filter ? loaders.Filter(filter)
            : s.OwnerLightId is { } light ? loaders.Light(light)
            : s.OwnerCameraId is { } camera ? loaders.Camera(camera)
            : null;
    }
}

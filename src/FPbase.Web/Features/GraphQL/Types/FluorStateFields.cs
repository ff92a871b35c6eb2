using FPbase.Data.Entities;
using GraphQL.Types;

namespace FPbase.Web.Features.GraphQL.Types;

/// <summary>The fields protein states and dye states share, spelled as graphene spells FPbase's model.</summary>
internal static class FluorStateFields
{
    /// <summary>FPbase's label: the owner's name for the default state, else "Owner (state)".</summary>
    public static string Label(FluorescentState state)
        => string.IsNullOrEmpty(state.OwnerName) ? state.Name
            : state.Name == "default" ? state.OwnerName
            : $"{state.OwnerName} ({state.Name})";

    public static void Add<T>(ObjectGraphType<T> type, string typ)
        where T : FluorescentState
    {
        type.Interface<SpectrumOwnerInterface>();
        type.Interface<FluorophoreInterface>();
        type.Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        type.Field<StringGraphType>("name").Resolve(c => Label(c.Source));
        type.Field<StringGraphType>("typ").Resolve(_ => typ);
        type.Field<StringGraphType>("slug").Resolve(c => c.Source.Slug);
        type.Field<StringGraphType>("ownerName").Resolve(c => c.Source.OwnerName);
        type.Field<StringGraphType>("ownerSlug").Resolve(c => c.Source.OwnerSlug);
        type.Field<FloatGraphType>("exMax").Resolve(c => c.Source.ExMax);
        type.Field<FloatGraphType>("emMax").Resolve(c => c.Source.EmMax);
        type.Field<FloatGraphType>("extCoeff").Resolve(c => c.Source.ExtCoeff);
        type.Field<FloatGraphType>("qy").Resolve(c => c.Source.Qy);
        type.Field<FloatGraphType>("brightness").Resolve(c => c.Source.Brightness);
        type.Field<FloatGraphType>("lifetime").Resolve(c => c.Source.Lifetime);
        type.Field<FloatGraphType>("pka").Resolve(c => c.Source.Pka);
        type.Field<FloatGraphType>("maturation").Resolve(c => c.Source.Maturation);
        type.Field<IntGraphType>("twopExMax").Resolve(c => c.Source.TwopExMax);
        type.Field<FloatGraphType>("twopPeakgm").Resolve(c => c.Source.TwopPeakGM);
        // FPbase's schema spells it both ways (graphene's camel case of twop_peakGM); clients use either.
        type.Field<FloatGraphType>("twopPeakGm").Resolve(c => c.Source.TwopPeakGM);
        type.Field<FloatGraphType>("twopQy").Resolve(c => c.Source.TwopQy);
        type.Field<NonNullGraphType<BooleanGraphType>>("isDark").Resolve(c => c.Source.IsDark);
        type.Field<NonNullGraphType<StringGraphType>>("exhex").Resolve(c => c.Source.ExHex);
        type.Field<NonNullGraphType<StringGraphType>>("emhex").Resolve(c => c.Source.EmHex);
        type.Field<ListGraphType<SpectrumType>>("spectra").Resolve(c => c.Loaders().SpectraOfFluor(c.Source.Id));
    }
}

using GraphQL.Types;

namespace FPbase.Web.Features.GraphQL.Types;

/// <summary>Whatever owns a spectrum: a protein state, a dye state, a filter, a light or a camera.</summary>
internal sealed class SpectrumOwnerInterface : InterfaceGraphType
{
    public SpectrumOwnerInterface()
    {
        Name = "SpectrumOwnerInterface";
        Field<StringGraphType>("name");
        Field<IdGraphType>("id");
        Field<StringGraphType>("typ");
        Field<StringGraphType>("slug");
    }
}

/// <summary>The photophysical fields shared by protein and dye states.</summary>
internal sealed class FluorophoreInterface : InterfaceGraphType
{
    public FluorophoreInterface()
    {
        Name = "FluorophoreInterface";
        Field<FloatGraphType>("qy");
        Field<FloatGraphType>("extCoeff");
        Field<FloatGraphType>("twopPeakgm");
        Field<FloatGraphType>("exMax");
        Field<FloatGraphType>("emMax");
    }
}

using GraphQL;
using GraphQL.Types;

namespace FPbase.Web.Features.GraphQL.Types;

/// <summary>FPbase's GraphQL schema: queries only (FPbase has no mutations here).</summary>
internal sealed class FpbaseSchema : Schema
{
    public FpbaseSchema(IServiceProvider services)
        : base(services)
    {
        Query = services.GetRequiredService<QueryType>();
        this.RegisterType<StateType>();
        this.RegisterType<DyeStateType>();
        this.RegisterType<FilterType>();
        this.RegisterType<LightType>();
        this.RegisterType<CameraType>();
    }
}

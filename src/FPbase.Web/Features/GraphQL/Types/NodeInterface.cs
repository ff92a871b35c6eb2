using GraphQL.Types;

namespace FPbase.Web.Features.GraphQL.Types;

/// <summary>Relay's <c>Node</c> interface, which FPbase's <c>ProteinNode</c> declares (graphene's <c>relay.Node</c>).</summary>
internal sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "An object with an ID";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The ID of the object");
    }
}

using FPbase.Data.Entities;
using GraphQL.Types;

namespace FPbase.Web.Features.GraphQL.Types;

/// <summary>
/// FPbase's <c>ProteinNode</c>, the node of <c>allProteins</c>: the <c>Protein</c> fields, relay's <c>Node</c>
/// interface, and <c>uuid</c>. Its <c>id</c> is the FPbase ID, as in FPbase, where the class inherits Protein's
/// <c>id</c> (graphene lets a declared field win over the interface's global id).
/// </summary>
internal sealed class ProteinNodeType : ObjectGraphType<Protein>
{
    public ProteinNodeType()
    {
        Name = "ProteinNode";
        Interface<NodeInterface>();
        IsTypeOf = o => o is Protein;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Uuid);
        Field<NonNullGraphType<StringGraphType>>("uuid").Resolve(c => c.Source.Uuid);
        ProteinFields.AddTo(this);
    }
}

using FPbase.Data.Entities;
using GraphQL.Types;

namespace FPbase.Web.Features.GraphQL.Types;

/// <summary>A protein state.</summary>
internal sealed class StateType : ObjectGraphType<State>
{
    public StateType()
    {
        Name = "State";
        IsTypeOf = o => o is State;
        FluorStateFields.Add(this, "state");
        Field<ProteinType>("protein").Resolve(c => c.Loaders().Protein(c.Source.ProteinId));
    }
}

/// <summary>A dye state (FPbase's <c>dye</c> and <c>dyes</c> return these).</summary>
internal sealed class DyeStateType : ObjectGraphType<DyeState>
{
    public DyeStateType()
    {
        Name = "DyeState";
        Description = "Fluorophore representing a dye in a specific environment.";
        IsTypeOf = o => o is DyeState;
        FluorStateFields.Add(this, "dyestate");
        Field<DyeType>("dye").Resolve(c => c.Loaders().Dye(c.Source.DyeId));
    }
}

internal sealed class DyeType : ObjectGraphType<Dye>
{
    public DyeType()
    {
        Name = "Dye";
        this.AddProductFields();
        Field<ReferenceType>("primaryReference").Resolve(c => c.Source.PrimaryReferenceId is { } id ? c.Loaders().Reference(id) : null);
        Field<ListGraphType<DyeStateType>>("states").Resolve(c => c.Loaders().StatesOfDye(c.Source.Id));
    }
}

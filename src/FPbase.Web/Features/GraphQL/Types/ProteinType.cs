using FPbase.Data.Entities;
using GraphQL.Types;

namespace FPbase.Web.Features.GraphQL.Types;

/// <summary>A protein; <c>id</c> is its 5-character FPbase ID (uuid), as in FPbase.</summary>
internal sealed class ProteinType : ObjectGraphType<Protein>
{
    /// <summary>
    /// The uuid <c>protein(id:)</c> looks up: FPbase's, upper-cased. The caching walker names the row from this
    /// same key, so the resource is always the one the map bumps for the protein found.
    /// </summary>
    public static string UuidOf(string id) => id.ToUpperInvariant();

    public ProteinType()
    {
        Name = "Protein";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Uuid);
        ProteinFields.AddTo(this);
    }
}

internal sealed class StateTransitionType : ObjectGraphType<StateTransition>
{
    public StateTransitionType()
    {
        Name = "StateTransition";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field(t => t.TransWave, nullable: true);
        Field<StateType>("fromState").Resolve(c => c.Loaders().State(c.Source.FromStateId));
        Field<StateType>("toState").Resolve(c => c.Loaders().State(c.Source.ToStateId));
    }
}

internal sealed class OserMeasurementType : ObjectGraphType<OserMeasurement>
{
    public OserMeasurementType()
    {
        Name = "OSERMeasurement";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field(o => o.Percent, nullable: true);
        Field(o => o.PercentStddev, nullable: true);
        Field(o => o.PercentNcells, nullable: true);
        Field(o => o.Oserne, nullable: true);
        Field(o => o.OserneStddev, nullable: true);
        Field(o => o.OserneNcells, nullable: true);
        Field(o => o.Celltype);
        Field(o => o.Temp, nullable: true);
        Field<ReferenceType>("reference").Resolve(c => c.Source.ReferenceId is { } id ? c.Loaders().Reference(id) : null);
    }
}

internal sealed class OrganismType : ObjectGraphType<Organism>
{
    public OrganismType()
    {
        Name = "Organism";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field(o => o.ScientificName);
        Field(o => o.CommonName);
        Field(o => o.Division);
        Field(o => o.Genus);
        Field(o => o.Species);
        Field(o => o.Rank);
        Field<ListGraphType<ProteinType>>("proteins").Resolve(c => c.Loaders().ProteinsOfOrganism(c.Source.Id));
    }
}

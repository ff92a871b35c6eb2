using FPbase.Data.Entities;
using FPbase.Web.Features.Proteins.Api;
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
        Field(p => p.Name);
        Field(p => p.Slug);
        Field<ListGraphType<StringGraphType>>("aliases").Resolve(c => c.Source.Aliases);
        Field(p => p.Chromophore);
        Field(p => p.Seq, nullable: true);
        Field<ListGraphType<StringGraphType>>("pdb").Resolve(c => c.Source.Pdb);
        Field(p => p.Genbank, nullable: true);
        Field(p => p.Uniprot, nullable: true);
        Field(p => p.IpgId, nullable: true);
        // FPbase's molecular weight (kDa), computed from the sequence as the REST API computes it; null without one.
        Field<FloatGraphType>("mw").Resolve(c => ProteinWeight.KiloDaltons(c.Source.Seq));
        Field<ProteinAggEnum>("agg").Resolve(c => c.Source.Agg);
        Field<ProteinSwitchTypeEnum>("switchType").Resolve(c => c.Source.SwitchType);
        Field<ProteinCofactorEnum>("cofactor").Resolve(c => ProteinCofactorEnum.Codes.Contains(c.Source.Cofactor) ? c.Source.Cofactor : null);
        Field(p => p.Blurb);
        Field<OrganismType>("parentOrganism").Resolve(c => c.Source.ParentOrganismId is { } id ? c.Loaders().Organism(id) : null);
        Field<ReferenceType>("primaryReference").Resolve(c => c.Source.PrimaryReferenceId is { } id ? c.Loaders().Reference(id) : null);
        Field<ListGraphType<ReferenceType>>("references").Resolve(c => c.Loaders().ReferencesOfProtein(c.Source.Id));
        Field<StateType>("defaultState").Resolve(c => c.Source.DefaultStateId is { } id ? c.Loaders().State(id) : null);
        Field<ListGraphType<StateType>>("states").Resolve(c => c.Loaders().StatesOfProtein(c.Source.Id));
        Field<ListGraphType<SpectrumType>>("spectra").Resolve(c => c.Loaders().SpectraOfProtein(c.Source.Id));
        Field<ListGraphType<StateTransitionType>>("transitions").Resolve(c => c.Loaders().TransitionsOfProtein(c.Source.Id));
        Field<ListGraphType<OserMeasurementType>>("oser").Resolve(c => c.Loaders().OserOfProtein(c.Source.Id));
        Field<DateTimeGraphType>("created").Resolve(c => c.Source.Created);
        Field<DateTimeGraphType>("modified").Resolve(c => c.Source.Modified);
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

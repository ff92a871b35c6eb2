using FPbase.Data.Entities;
using FPbase.Web.Features.Proteins.Api;
using GraphQL.Types;

namespace FPbase.Web.Features.GraphQL.Types;

/// <summary>
/// The fields of FPbase's <c>Protein</c> type but its <c>id</c>, shared by <see cref="ProteinType"/> (whose id is the
/// FPbase ID) and <see cref="ProteinNodeType"/> (whose id is relay's global id), as FPbase's ProteinNode extends
/// Protein.
/// </summary>
internal static class ProteinFields
{
    public static void AddTo(ObjectGraphType<Protein> type)
    {
        type.Field(p => p.Name);
        type.Field(p => p.Slug);
        type.Field<ListGraphType<StringGraphType>>("aliases").Resolve(c => c.Source.Aliases);
        type.Field(p => p.Chromophore);
        type.Field(p => p.Seq, nullable: true);
        type.Field<ListGraphType<StringGraphType>>("pdb").Resolve(c => c.Source.Pdb);
        type.Field(p => p.Genbank, nullable: true);
        type.Field(p => p.Uniprot, nullable: true);
        type.Field(p => p.IpgId, nullable: true);
        // FPbase's molecular weight (kDa), computed from the sequence as the REST API computes it; null without one.
        type.Field<FloatGraphType>("mw").Resolve(c => ProteinWeight.KiloDaltons(c.Source.Seq));
        type.Field<ProteinAggEnum>("agg").Resolve(c => c.Source.Agg);
        type.Field<ProteinSwitchTypeEnum>("switchType").Resolve(c => c.Source.SwitchType);
        type.Field<ProteinCofactorEnum>("cofactor").Resolve(c => ProteinCofactorEnum.Codes.Contains(c.Source.Cofactor) ? c.Source.Cofactor : null);
        type.Field(p => p.Blurb);
        type.Field<OrganismType>("parentOrganism").Resolve(c => c.Source.ParentOrganismId is { } id ? c.Loaders().Organism(id) : null);
        type.Field<ReferenceType>("primaryReference").Resolve(c => c.Source.PrimaryReferenceId is { } id ? c.Loaders().Reference(id) : null);
        type.Field<ListGraphType<ReferenceType>>("references").Resolve(c => c.Loaders().ReferencesOfProtein(c.Source.Id));
        type.Field<StateType>("defaultState").Resolve(c => c.Source.DefaultStateId is { } id ? c.Loaders().State(id) : null);
        type.Field<ListGraphType<StateType>>("states").Resolve(c => c.Loaders().StatesOfProtein(c.Source.Id));
        type.Field<ListGraphType<SpectrumType>>("spectra").Resolve(c => c.Loaders().SpectraOfProtein(c.Source.Id));
        type.Field<ListGraphType<StateTransitionType>>("transitions").Resolve(c => c.Loaders().TransitionsOfProtein(c.Source.Id));
        type.Field<ListGraphType<OserMeasurementType>>("oser").Resolve(c => c.Loaders().OserOfProtein(c.Source.Id));
        type.Field<DateTimeGraphType>("created").Resolve(c => c.Source.Created);
        type.Field<DateTimeGraphType>("modified").Resolve(c => c.Source.Modified);
    }
}

using GraphQL.Types;

namespace FPbase.Web.Features.GraphQL.Types;

/// <summary>An entry of the <c>spectra</c> list (FPbase's <c>SpectrumInfo</c>): category and subtype as upper-case strings.</summary>
internal sealed record SpectrumInfo(int Id, string Category, string Subtype, SpectrumOwnerInfo Owner);

/// <summary>A spectrum's owner as the list shows it.</summary>
internal sealed record SpectrumOwnerInfo(int Id, string Name, string Slug, string Url);

internal sealed class SpectrumInfoType : ObjectGraphType<SpectrumInfo>
{
    public SpectrumInfoType()
    {
        Name = "SpectrumInfo";
        Field<IdGraphType>("id").Resolve(c => c.Source.Id);
        Field<StringGraphType>("category").Resolve(c => c.Source.Category);
        Field<StringGraphType>("subtype").Resolve(c => c.Source.Subtype);
        Field<SpectrumOwnerInfoType>("owner").Resolve(c => c.Source.Owner);
    }
}

internal sealed class SpectrumOwnerInfoType : ObjectGraphType<SpectrumOwnerInfo>
{
    public SpectrumOwnerInfoType()
    {
        Name = "SpectrumOwnerInfo";
        Field<StringGraphType>("name").Resolve(c => c.Source.Name);
        Field<StringGraphType>("slug").Resolve(c => c.Source.Slug);
        Field<StringGraphType>("url").Resolve(c => c.Source.Url);
        Field<IdGraphType>("id").Resolve(c => c.Source.Id);
    }
}

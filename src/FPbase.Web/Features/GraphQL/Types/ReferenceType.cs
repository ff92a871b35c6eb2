using FPbase.Data.Entities;
using GraphQL.Types;

namespace FPbase.Web.Features.GraphQL.Types;

internal sealed class ReferenceType : ObjectGraphType<Reference>
{
    public ReferenceType()
    {
        Name = "Reference";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field(r => r.Doi);
        Field(r => r.Pmid, nullable: true);
        Field(r => r.Title);
        Field(r => r.Journal);
        Field(r => r.Pages);
        Field(r => r.Volume);
        Field(r => r.Issue);
        Field("firstauthor", r => r.FirstAuthor);
        Field(r => r.Citation);
        Field<DateGraphType>("date").Resolve(c => c.Source.Date);
        Field(r => r.Year, nullable: true);
        Field(r => r.Summary);
        Field<ListGraphType<AuthorType>>("authors").Resolve(c => c.Loaders().AuthorsOfReference(c.Source.Id));
    }
}

internal sealed class AuthorType : ObjectGraphType<Author>
{
    public AuthorType()
    {
        Name = "Author";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field(a => a.FamilyName);
        Field(a => a.GivenName);
        // FPbase's names for the same two (its Author model's family and given).
        Field("family", a => a.FamilyName);
        Field("given", a => a.GivenName);
        Field(a => a.Initials);
    }
}

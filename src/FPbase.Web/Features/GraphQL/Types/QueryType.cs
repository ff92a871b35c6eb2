using FPbase.Data;
using FPbase.Data.Domain;
using FPbase.Data.Entities;
using FPbase.Web.Features.GraphQL.Loading;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.GraphQL.Types;

/// <summary>
/// The root fields of FPbase's schema (<c>backend/proteins/schema/query.py</c> and
/// <c>backend/references/schema.py</c>), with its argument names and types.
/// </summary>
internal sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";

        Field<ListGraphType<ProteinType>>("proteins")
            .ResolveAsync(async c => await Db(c).Proteins.AsNoTracking().Where(p => p.Status != ProteinStatus.Hidden).OrderBy(p => p.Name).ThenBy(p => p.Id).ToListAsync(c.CancellationToken));
        Field<ProteinType>("protein").Argument<StringGraphType>("id")
            .ResolveAsync(async c => c.GetArgument<string?>("id") is { } id
                ? await Db(c).Proteins.AsNoTracking().Where(p => p.Uuid == ProteinType.UuidOf(id) && p.Status != ProteinStatus.Hidden).OrderBy(p => p.Id).FirstOrDefaultAsync(c.CancellationToken)
                : null);
        AllProteinsQuery.AddTo(this);

        Field<ListGraphType<StateType>>("states")
            .ResolveAsync(async c => await Db(c).States.AsNoTracking().OrderBy(s => s.Id).ToListAsync(c.CancellationToken));
        Field<StateType>("state").Argument<IntGraphType>("id")
            .Resolve(c => c.GetArgument<int?>("id") is { } id ? c.Loaders().State(id) : null);

        Field<ListGraphType<SpectrumInfoType>>("spectra").Argument<StringGraphType>("subtype").Argument<StringGraphType>("category")
            .ResolveAsync(async c => await SpectraQuery.LoadAsync(Db(c), c.GetArgument<string?>("category"), c.GetArgument<string?>("subtype"), c.CancellationToken));
        Field<SpectrumType>("spectrum").Argument<IntGraphType>("id")
            .ResolveAsync(async c => c.GetArgument<int?>("id") is { } id
                ? await Db(c).Spectra.AsNoTracking().Where(s => s.Id == id).OrderBy(s => s.Id).Select(SpectrumNodes.Projection).FirstOrDefaultAsync(c.CancellationToken)
                : null);

        // As in FPbase, `dyes` and `dye` return dye states (the fluorophores), which name their dye.
        Field<ListGraphType<DyeStateType>>("dyes")
            .ResolveAsync(async c => await Db(c).DyeStates.AsNoTracking().OrderBy(s => s.OwnerName).ThenBy(s => s.Id).ToListAsync(c.CancellationToken));
        Field<DyeStateType>("dye").Argument<IntGraphType>("id").Argument<StringGraphType>("name")
            .ResolveAsync(async c =>
            {
                var states = Db(c).DyeStates.AsNoTracking();
                if (c.GetArgument<string?>("name") is { } name)
                {
                    var slug = Slugify.Apply(name);
                    return await states.Where(s => s.Slug == slug || (s.OwnerSlug == slug && s.Name == "default")).OrderBy(s => s.Id).FirstOrDefaultAsync(c.CancellationToken);
                }

                return c.GetArgument<int?>("id") is { } id ? await states.Where(s => s.Id == id).OrderBy(s => s.Id).FirstOrDefaultAsync(c.CancellationToken) : null;
            });

        Field<ListGraphType<MicroscopeType>>("microscopes")
            .ResolveAsync(async c => await Db(c).Microscopes.AsNoTracking().OrderBy(m => m.Name).ThenBy(m => m.Id).ToListAsync(c.CancellationToken));
        Field<MicroscopeType>("microscope").Argument<StringGraphType>("id").ResolveAsync(MicroscopeAsync);

        Field<ListGraphType<OpticalConfigType>>("opticalConfigs")
            .ResolveAsync(async c => await Db(c).OpticalConfigs.AsNoTracking().OrderBy(o => o.Id).ToListAsync(c.CancellationToken));
        Field<OpticalConfigType>("opticalConfig").Argument<IntGraphType>("id")
            .ResolveAsync(async c => c.GetArgument<int?>("id") is { } id
                ? await Db(c).OpticalConfigs.AsNoTracking().Where(o => o.Id == id).OrderBy(o => o.Id).FirstOrDefaultAsync(c.CancellationToken)
                : null);

        Field<ListGraphType<OrganismType>>("organisms")
            .ResolveAsync(async c => await Db(c).Organisms.AsNoTracking().OrderBy(o => o.Id).ToListAsync(c.CancellationToken));
        Field<OrganismType>("organism").Argument<IntGraphType>("id")
            .Resolve(c => c.GetArgument<int?>("id") is { } id ? c.Loaders().Organism(id) : null);

        Field<ListGraphType<ReferenceType>>("references")
            .ResolveAsync(async c => await Db(c).References.AsNoTracking().OrderBy(r => r.Id).ToListAsync(c.CancellationToken));
        Field<ReferenceType>("reference").Argument<StringGraphType>("doi")
            .ResolveAsync(async c => c.GetArgument<string?>("doi") is { } doi
                ? await Db(c).References.AsNoTracking().Where(r => r.Doi == doi.Trim().ToLowerInvariant()).OrderBy(r => r.Id).FirstOrDefaultAsync(c.CancellationToken)
                : null);
    }

    private static FpbaseDbContext Db(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<FpbaseDbContext>();

    /// <summary>FPbase's prefix match on the 22-character id (case-insensitive); more than one match is an error.</summary>
    private static async Task<object?> MicroscopeAsync(IResolveFieldContext context)
    {
        if (context.GetArgument<string?>("id") is not { Length: > 0 } id)
        {
            return null;
        }

        var prefix = id.ToLowerInvariant();
        var matches = await Db(context).Microscopes.AsNoTracking()
            .Where(m => m.Id.ToLower().StartsWith(prefix))
            .OrderBy(m => m.Id)
            .Take(2)
            .ToListAsync(context.CancellationToken);
        return matches.Count switch
        {
            0 => null,
            1 => matches[0],
            _ => throw new ExecutionError($"Multiple microscopes found starting with \"{id}\""),
        };
    }
}

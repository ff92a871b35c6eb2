using FPbase.Caching;
using FPbase.Data;
using FPbase.Data.Domain;
using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Excerpts;

/// <summary>
/// The excerpt linker of the current protein list, built once per version of <see cref="CacheDependencies.Proteins"/>
/// (every change to a protein bumps it) and shared by every page this instance builds; FPbase rebuilt its name
/// dictionary every 60 s whether or not anything had changed. The version is read before the names, so a linker is
/// never labelled newer than what it holds; while the versions cannot be read, each build reads the names itself.
/// </summary>
/// <remarks>
/// What a page links is part of what it shows, so the dependency map bumps the pages whose excerpts mention a
/// protein whose name, aliases, slug or visibility changed (<c>CacheDependencies.Links</c>); a page built after
/// that bump reads a version of the list at least as new, and with it this linker.
/// </remarks>
public sealed class ProteinNames(IResourceVersions versions)
{
    private static readonly string[] Resources = [CacheDependencies.Proteins];
    private Built? _current;

    public async Task<ProteinNameLinker> LinkerAsync(FpbaseDbContext db, CancellationToken cancellationToken)
    {
        var stamp = await versions.GetStampAsync(Resources, cancellationToken);
        if (stamp is not null && _current is { } current && current.Stamp == stamp)
        {
            return current.Linker;
        }

        var proteins = await db.Proteins.AsNoTracking().Where(p => p.Status != ProteinStatus.Hidden)
            .OrderBy(p => p.Id).Select(p => new { p.Name, p.Slug, p.Aliases }).ToListAsync(cancellationToken);
        // Names first, then aliases, as FPbase fills its dictionary: an alias spelled like a name wins.
        var linker = new ProteinNameLinker([
            .. proteins.Select(p => (p.Name, p.Slug)),
            .. proteins.SelectMany(p => p.Aliases.Select(alias => (alias, p.Slug))),
        ]);
        if (stamp is not null)
        {
            _current = new Built(stamp, linker);
        }

        return linker;
    }

    private sealed record Built(string Stamp, ProteinNameLinker Linker);
}

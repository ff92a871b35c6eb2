using FPbase.Data;
using FPbase.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Proteins.Page;

/// <summary>How a <c>/protein/{key}/</c> request resolves.</summary>
public abstract record ProteinLookup
{
    /// <summary>The key is the protein's slug or its uuid: render the page.</summary>
    public sealed record Found(int Id) : ProteinLookup;

    /// <summary>The key is an alias: redirect to the protein's own slug.</summary>
    public sealed record Alias(string Slug) : ProteinLookup;

    public sealed record Missing : ProteinLookup;

    /// <summary>
    /// FPbase's order: slug, then uuid (upper-cased), then aliases as FPbase matches them
    /// (<see cref="CacheDependencies.AliasKey"/>). Hidden proteins are missing, whichever way they are asked for.
    /// The page's resource is the key lower-cased, which is the row the map bumps for what this finds: the slug
    /// equals it, and a uuid is ASCII letters and digits, whose upper and lower cases map one to one (.NET's
    /// invariant casing maps no other character to ASCII).
    /// </summary>
    public static async Task<ProteinLookup> ResolveAsync(FpbaseDbContext db, string key, CancellationToken cancellationToken)
    {
        var lower = key.ToLowerInvariant();
        var upper = key.ToUpperInvariant();
        var direct = await db.Proteins.AsNoTracking()
            .Where(p => p.Slug == lower || p.Uuid == upper)
            .Select(p => new { p.Id, p.Slug, p.Status })
            .ToListAsync(cancellationToken);
        var match = direct.Find(p => p.Slug == lower) ?? direct.FirstOrDefault();
        if (match is not null)
        {
            return match.Status == ProteinStatus.Hidden ? new Missing() : new Found(match.Id);
        }

        // Only a miss pays for this scan, and only proteins with aliases are read.
        var withAliases = await db.Proteins.AsNoTracking()
            .Where(p => p.Status != ProteinStatus.Hidden && p.Aliases.Count > 0)
            .Select(p => new { p.Slug, p.Aliases })
            .ToListAsync(cancellationToken);
        var aliased = withAliases.Find(p => p.Aliases.Any(a => CacheDependencies.AliasKey(a) == lower));
        return aliased is null ? new Missing() : new Alias(aliased.Slug);
    }
}

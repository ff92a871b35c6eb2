using FPbase.Data;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Microscopes.Pages;

/// <summary>The listed microscopes (more than one optical config), and the user's own; newest first, one query.</summary>
internal static class MicroscopeListQuery
{
    /// <summary>FPbase's rule: a microscope is listed once it has more than this many configs.</summary>
    public const int ListedAbove = 1;

    public static async Task<MicroscopeList> LoadAsync(FpbaseDbContext db, string? user, CancellationToken cancellationToken)
    {
        var items = await db.Microscopes.AsNoTracking()
            .Where(m => m.OpticalConfigs.Count > ListedAbove || (user != null && m.CreatedBy == user))
            .OrderByDescending(m => m.Created).ThenBy(m => m.Id)
            .Select(m => new MicroscopeListItem(m.Id, m.Name, m.Description, m.OpticalConfigs.Count, user != null && m.CreatedBy == user))
            .ToListAsync(cancellationToken);
        return new MicroscopeList(items.Where(i => i.Configs > ListedAbove).ToList(), items.Where(i => i.Mine).ToList(), user is not null);
    }
}

/// <summary>The list page: the public microscopes, the user's own (empty when signed out), whether someone is signed in.</summary>
public sealed record MicroscopeList(IReadOnlyList<MicroscopeListItem> Listed, IReadOnlyList<MicroscopeListItem> Mine, bool SignedIn);

/// <summary>One microscope of the list.</summary>
public sealed record MicroscopeListItem(string Id, string Name, string Description, int Configs, bool Mine);

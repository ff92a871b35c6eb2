using System.Security.Claims;
using FPbase.Data;
using FPbase.Data.Entities;
using FPbase.Web.Features.Editing;
using Microsoft.EntityFrameworkCore;

namespace FPbase.Web.Features.Microscopes;

/// <summary>
/// Who may change a microscope and its optical configs: the editor who created it, or staff. Microscopes
/// created before accounts existed (no creator) are staff-only.
/// </summary>
public static class MicroscopeAccess
{
    public enum Verdict
    {
        Allowed,
        NotFound,
        Forbidden,
    }

    public static async Task<(Microscope? Microscope, Verdict Verdict)> EditableAsync(FpbaseDbContext db, string? id, ClaimsPrincipal user, CancellationToken ct)
    {
        var microscope = SafeText.IsLookupKey(id, 22) ? await db.Microscopes.SingleOrDefaultAsync(m => m.Id == id, ct) : null;
        if (microscope is null)
        {
            return (null, Verdict.NotFound);
        }

        return microscope.CreatedBy == CurrentUser.Id(user) || CurrentUser.IsStaff(user) ? (microscope, Verdict.Allowed) : (null, Verdict.Forbidden);
    }
}

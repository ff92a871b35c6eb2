using System.ComponentModel.DataAnnotations;
using FPbase.Caching.Diagnostics;

namespace FPbase.Web.Features.Staff.CacheDashboard;

/// <summary>What <c>/staff/cache/</c> shows.</summary>
public sealed record CacheDashboardPage(CacheActivity Activity, CacheInstancesReport Instances, IReadOnlyList<ListVersion> Versions, StaffChange? Change)
{
    /// <summary>The intervals of the last <paramref name="minutes"/> minutes, summed.</summary>
    public ActivityInterval Last(int minutes)
    {
        var from = Activity.At - TimeSpan.FromMinutes(minutes);
        var recent = Activity.Intervals.Where(i => i.Start >= from).ToList();
        var answers = recent.SelectMany(i => i.Answers).GroupBy(a => a.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(a => a.Value), StringComparer.Ordinal);
        return new ActivityInterval(from, answers, recent.Sum(i => i.PayloadBytes), recent.Sum(i => i.IdentityBytes), recent.Sum(i => i.Bumps));
    }
}

/// <summary>A whole list's current version (a short digest of its stamp; none while the store cannot be read) and its kind's bumps.</summary>
public sealed record ListVersion(string Resource, string? Digest, KindBumps? Bumps);

/// <summary>The answer to the grant form, shown above it.</summary>
public sealed record StaffChange(string Message, bool Failed);

/// <summary>The grant form: a registered user's name or email, and whether to grant or revoke.</summary>
public sealed class StaffForm
{
    [Required(ErrorMessage = "Name a registered user (user name or email).")]
    [StringLength(256)]
    public string User { get; set; } = "";

    [RegularExpression("^(grant|revoke)$")]
    public string Action { get; set; } = "grant";
}

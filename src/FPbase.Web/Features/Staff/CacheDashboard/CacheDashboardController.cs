using System.Security.Cryptography;
using System.Text;
using FPbase.Caching;
using FPbase.Caching.Diagnostics;
using FPbase.Data;
using FPbase.Data.Identity;
using FPbase.Web.Features.Accounts;
using FPbase.Web.Features.Editing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace FPbase.Web.Features.Staff.CacheDashboard;

/// <summary>
/// Staff only: <c>/staff/cache/</c>, this instance's cache at a glance: hit rate and 304 share over the last hour, bytes
/// saved, the whole lists' current versions and their last bumps, the slowest builds, the instances sharing the
/// version store and their leases, Redis and outbox health (<see cref="CacheActivityRecorder"/>, <see cref="ICacheInstances"/>);
/// and the form that grants staff to another registered user (<see cref="StaffRoles"/>). Never stored by any cache.
/// docs/runbook.md reads it.
/// </summary>
[RequireStaff]
[NoStore("private, no-store")]
public sealed class CacheDashboardController(CacheActivityRecorder recorder, ICacheInstances instances, IResourceVersions versions, UserManager<ApplicationUser> users) : Controller
{
    public const string Path = "/staff/cache/";
    private const string ViewPath = "~/Features/Staff/CacheDashboard/Index.cshtml";

    [HttpGet(Path)]
    [HttpHead(Path)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
        => View(ViewPath, await LoadAsync(null, cancellationToken));

    [HttpPost(Path + "staff/")]
    public async Task<IActionResult> ChangeStaff([FromForm] StaffForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            var problem = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).FirstOrDefault(m => m.Length > 0) ?? "Name a registered user.";
            return View(ViewPath, await LoadAsync(new StaffChange(problem, Failed: true), cancellationToken));
        }

        var result = await StaffRoles.ChangeAsync(users, form.User, grant: form.Action == "grant");
        Response.StatusCode = result.Outcome switch
        {
            StaffRoles.Outcome.NoSuchUser => StatusCodes.Status404NotFound,
            StaffRoles.Outcome.Refused => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status200OK,
        };
        return View(ViewPath, await LoadAsync(new StaffChange(result.Message, Failed: Response.StatusCode != StatusCodes.Status200OK), cancellationToken));
    }

    private async Task<CacheDashboardPage> LoadAsync(StaffChange? change, CancellationToken cancellationToken)
    {
        var activity = recorder.Snapshot();
        var bumps = activity.Bumps.ToDictionary(b => b.Kind, StringComparer.Ordinal);
        var lists = new List<ListVersion>();
        foreach (var list in CacheDependencies.Lists)
        {
            var stamp = await versions.GetStampAsync([list], cancellationToken);
            lists.Add(new ListVersion(list, stamp is null ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stamp)))[..12], bumps.GetValueOrDefault(list)));
        }

        return new CacheDashboardPage(activity, await instances.ReadAsync(cancellationToken), lists, change);
    }
}

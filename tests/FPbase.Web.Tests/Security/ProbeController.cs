using FPbase.Caching;
using FPbase.Data;
using FPbase.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace FPbase.Web.Tests.Security;

/// <summary>
/// Test-only endpoints behind the policies (mapped only by <see cref="SecuritySite"/>): what a write route of
/// each kind would see. They change nothing and say who called.
/// </summary>
[ApiController]
public sealed class ProbeController : ControllerBase
{
    [HttpPost("/api/test-probes/editor/")]
    [RequireEditor]
    public IActionResult Editor() => Ok(new { user = User.Identity?.Name });

    [HttpPost("/api/test-probes/staff/")]
    [RequireStaff]
    public IActionResult Staff() => Ok(new { user = User.Identity?.Name });

    [HttpPost("/api/test-probes/upload/")]
    [RequireEditor]
    [RequestSizeLimit(4 * 1024 * 1024)]
    public async Task<IActionResult> Upload()
    {
        var length = 0L;
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await Request.Body.ReadAsync(buffer)) > 0)
        {
            length += read;
        }

        return Ok(new { length });
    }

    [HttpPost("/test-probes/editor-form/")]
    [RequireEditor]
    public IActionResult EditorForm() => Ok(new { user = User.Identity?.Name });

    /// <summary>A public cached response that sets a cookie, as a careless endpoint might.</summary>
    [HttpGet("/api/test-probes/public-cookie/")]
    [CacheResources(CacheDependencies.Spectra, Name = "test-public-cookie")]
    public IActionResult PublicCookie()
    {
        Response.Cookies.Append("probe", "1");
        return Ok(new { probe = true });
    }

    [HttpGet("/test-probes/editor-page/")]
    [RequireEditor]
    public IActionResult EditorPage() => Ok(new { user = User.Identity?.Name });
}

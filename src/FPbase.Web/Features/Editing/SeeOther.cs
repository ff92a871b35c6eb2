using Microsoft.AspNetCore.Mvc;

namespace FPbase.Web.Features.Editing;

/// <summary>
/// Post/redirect/get, the one way every edit form answers a saved POST: <c>303 See Other</c> to the page that shows
/// the result, which the browser then GETs (a 302 leaves the method to the client; a 303 names GET).
/// </summary>
public static class SeeOtherExtensions
{
    public static StatusCodeResult SeeOther(this ControllerBase controller, string location)
    {
        controller.Response.Headers.Location = location;
        return controller.StatusCode(StatusCodes.Status303SeeOther);
    }
}

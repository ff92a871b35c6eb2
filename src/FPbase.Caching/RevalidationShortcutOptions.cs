using Microsoft.AspNetCore.Http;

namespace FPbase.Caching;

/// <summary>
/// What the host tells the revalidation shortcut (<c>UseRevalidationShortcut</c>) about the middleware it jumps
/// over. The shortcut answers a credential-less <c>If-None-Match</c> revalidation of a URL it has seen answered by
/// the ETag filter with the same 304 that filter would send, before routing, authentication and the rest run; so
/// anything between the two that would change such an answer must be named here. Endpoints with authorization
/// metadata are always left to the full pipeline.
/// </summary>
public sealed class RevalidationShortcutOptions
{
    /// <summary>
    /// Endpoints whose 304s the pipeline changes or counts (extra headers, a view counter): their revalidations
    /// always take the full pipeline. Default: none.
    /// </summary>
    public Func<Endpoint, bool> Bypass { get; set; } = static _ => false;

    /// <summary>
    /// Spends what a 304 costs the client (a rate limiter's permit), as the full pipeline would have. False: the
    /// request takes the full pipeline, which answers as it must (a 429). Called only for a request the shortcut is
    /// about to answer. Default: always admitted.
    /// </summary>
    public Func<HttpContext, bool> Admit { get; set; } = static _ => true;
}

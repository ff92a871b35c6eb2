using FPbase.Caching;

namespace FPbase.Web.Features.Editing.Concurrency;

/// <summary>
/// The app's side of If-Match checked in the write's transaction (<see cref="RepresentationVersions"/>): reads report
/// the row version their representation is built from, writes hand the version the client's ETag names to
/// <see cref="FPbase.Data.RowVersions.ExpectRowVersion"/>. A write that then finds the row changed fails with
/// <c>DbUpdateConcurrencyException</c>, which <see cref="ConcurrentWriteExceptionHandler"/> answers with 412.
/// </summary>
internal static class ConditionalWrite
{
    /// <summary>Reads: call with the version read before the data the response shows.</summary>
    public static void Report(HttpContext context, Guid version) => context.SetRepresentationVersion(version.ToString("N"));

    /// <summary>Writes: the version the request's If-Match names, or null when it has none (or only <c>*</c>).</summary>
    public static Guid? Expected(HttpContext context)
        => context.IfMatchRowVersion() is not { } reported ? null
            // We only ever report Guids; anything else cannot be a row's version and must fail.
            : Guid.TryParseExact(reported, "N", out var version) ? version : Guid.Empty;
}

using FPbase.Caching;

namespace FPbase.Web.Features.Fret;

/// <summary>
/// Decides, before the ETag is computed, which Förster list a request shows (<see cref="FretListView"/>), and puts
/// that choice into the request's variant: the ETag then names the list shown and its state, not only the
/// versions, so a "computing" response and the current list that follows it never share an ETag or cached bytes.
/// A request that finds no list for its versions wakes the worker; it never computes one itself. Costs one read of
/// the versions (a dictionary lookup under the instance's lease, else one Redis round trip) besides the middleware's.
/// </summary>
internal sealed class FretListResolver(IResourceVersions versions, ForsterListResults results) : IRequestResourceResolver
{
    public async ValueTask<ResolvedResources?> ResolveAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var stamp = await versions.GetStampAsync(FretResources.Names, context.RequestAborted);
        var view = FretListView.Choose(stamp, results);
        if (view.State != FretListState.Current)
        {
            results.Wake();
        }

        context.Items[typeof(FretListView)] = view;

        // A resolver's variant replaces the query string in the ETag and payload key: the canonical query (the
        // middleware has already reduced it to the declared `page`) goes in first, or every page would share page 1's.
        // Only the current list is settled: "computing" ends when the worker finishes, which bumps nothing.
        return new ResolvedResources([], context.Request.QueryString.Value + "\n" + view.Variant, Settled: view.State == FretListState.Current);
    }
}

namespace FPbase.Web.Features.Fret;

/// <summary>
/// Which list one request shows, decided once by <see cref="FretListResolver"/> before the caching middleware
/// computes the ETag, and rendered as decided: the body is a function of <see cref="Variant"/>, which enters the
/// ETag and the payload key.
/// </summary>
/// <param name="State">Whether the list shown is the current one.</param>
/// <param name="Shown">The list shown: the current one, or the last one computed (null before the first).</param>
/// <param name="CurrentStamp">The stamp the request read, whose list is shown or being computed; null when unreadable.</param>
internal sealed record FretListView(FretListState State, ForsterListSnapshot? Shown, string? CurrentStamp)
{
    /// <summary>The version being computed, while <see cref="FretListState.Computing"/>.</summary>
    public string? ComputingVersion => State == FretListState.Computing && CurrentStamp is not null ? ForsterListSnapshot.VersionOf(CurrentStamp) : null;

    /// <summary>The state, the stamp of the list shown and the stamp read: everything of the body the versions alone do not fix.</summary>
    public string Variant => $"{State}\n{Shown?.Stamp}\n{CurrentStamp}";

    public static FretListView Choose(string? stamp, ForsterListResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (stamp is null)
        {
            return new(FretListState.Unverified, results.Latest, null);
        }

        return results.For(stamp) is { } current
            ? new(FretListState.Current, current, stamp)
            : new(FretListState.Computing, results.Latest, stamp);
    }

    /// <summary>The view the resolver chose for this request.</summary>
    public static FretListView Of(HttpContext context)
        => context.Items[typeof(FretListView)] as FretListView
            ?? throw new InvalidOperationException("The FRET list endpoints need FretListResolver ([CacheResources(Resolver = ...)]).");
}

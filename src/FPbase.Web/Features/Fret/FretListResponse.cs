namespace FPbase.Web.Features.Fret;

/// <summary>
/// <c>/api/fret/</c>: FPbase's <c>{"data": [...]}</c> with the list's state (<c>current</c>, <c>computing</c>:
/// the versions moved on and this is the list of an earlier version, or <c>unverified</c>: the versions cannot
/// be read now), the version of the list shown (null before the first list), and while computing the version
/// being computed. <c>count</c> is the whole list's; <c>data</c> holds page <c>page</c> of <c>pages</c>
/// (<see cref="FretListParameters.PageSize"/> pairs each, largest R0 first).
/// </summary>
public sealed record FretListResponse(string State, string? Version, string? ComputingVersion, int Count, int Page, int Pages, IReadOnlyList<ForsterPairJson> Data)
{
    /// <summary>The pages of a list of <paramref name="count"/> pairs: at least 1 (an empty list has one empty page).</summary>
    internal static int PagesOf(int count) => Math.Max(1, (count + FretListParameters.PageSize - 1) / FretListParameters.PageSize);

    /// <summary>Page <paramref name="page"/> (1 to <see cref="PagesOf"/>) of the list the view shows.</summary>
    internal static FretListResponse Of(FretListView view, int page)
    {
        var pairs = view.Shown?.Pairs ?? [];
        var start = (page - 1) * FretListParameters.PageSize;
        var data = new ForsterPairJson[Math.Clamp(pairs.Length - start, 0, FretListParameters.PageSize)];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = ForsterPairJson.Of(pairs[start + i]);
        }

        return new(StateName(view.State), view.Shown?.Version, view.ComputingVersion, pairs.Length, page, PagesOf(pairs.Length), data);
    }

    internal static string StateName(FretListState state) => state switch
    {
        FretListState.Current => "current",
        FretListState.Computing => "computing",
        _ => "unverified",
    };
}

using FPbase.Data.Domain.Fret;

namespace FPbase.Web.Features.Fret;

/// <summary>The calculator page: the list's state, its first <see cref="MaxRows"/> pairs by R0, and the picker's proteins.</summary>
internal sealed record FretPage(FretListView View, ArraySegment<ForsterPair> Rows, int Total, FretPickerOptions Picker)
{
    /// <summary>The page shows this many pairs (a few hundred KB of HTML); the whole list is the JSON, in pages.</summary>
    public const int MaxRows = 1000;

    public static FretPage Of(FretListView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var pairs = view.Shown?.Pairs ?? [];
        return new(view, new ArraySegment<ForsterPair>(pairs, 0, Math.Min(pairs.Length, MaxRows)), pairs.Length, view.Shown?.Picker ?? new FretPickerOptions([], []));
    }
}

namespace FPbase.Caching.Http.Shortcut;

/// <summary>
/// Set on a request the shortcut could answer another time; the ETag filter fills in <see cref="Route"/> when the
/// endpoint's answer depends on nothing but the URL and the versions (no resolver, no negotiated headers, not per
/// user), and the shortcut learns it once the response is known.
/// </summary>
internal sealed class ShortcutCandidate
{
    public ShortcutRoute? Route { get; set; }
}

namespace FPbase.Caching;

/// <summary>Runtime switches for one resource; the rollback path when something goes wrong.</summary>
public sealed class ResourceSwitch
{
    internal static readonly ResourceSwitch On = new();

    /// <summary>Whether responses depending on the resource carry ETags and answer 304. Default true.</summary>
    public bool ETags { get; set; } = true;

    /// <summary>Whether payloads depending on the resource are cached as bytes. Default true.</summary>
    public bool Payloads { get; set; } = true;
}

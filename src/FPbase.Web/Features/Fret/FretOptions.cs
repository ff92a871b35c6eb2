namespace FPbase.Web.Features.Fret;

/// <summary>The FRET calculator's settings (section <see cref="SectionName"/>).</summary>
internal sealed class FretOptions
{
    public const string SectionName = "Fret";

    /// <summary>
    /// How often the worker reads the versions when no request has woken it (a request that sees a version without
    /// a list wakes it at once). Default 2 s: a version read from the instance's copy costs a dictionary lookup.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long the worker waits after a failed computation (the database down) before trying again.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}

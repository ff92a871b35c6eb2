namespace FPbase.Web.Features.Proteins.Popular;

/// <summary>Counting protein page views for the home page's popular proteins (<c>Popularity:*</c>).</summary>
public sealed class PopularityOptions
{
    public const string SectionName = "Popularity";

    /// <summary>Whether views are counted at all. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How often this instance writes the views it counted (one batched write, which bumps the home page). The popular
    /// lists are therefore at most this old, plus the other instances' intervals. Default 60 s; 1 s to 1 hour.
    /// </summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The most distinct protein pages counted between two writes; views of further pages in the same interval are
    /// dropped (and logged), so that no flood of requests can grow the counter without bound. Default 20,000.
    /// </summary>
    public int MaxPagesPerFlush { get; set; } = 20_000;
}

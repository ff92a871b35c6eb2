using FPbase.Data.Entities;

namespace FPbase.Data.Popularity;

/// <summary>
/// How often a protein's page was viewed on one day (UTC), counted by the site itself (FPbase asks Google
/// Analytics): the home page's popular proteins are the ones with the most views over the last day, week, month
/// and year. Written in batches by <see cref="ProteinViews.AddAsync"/>, never one row per request.
/// </summary>
public sealed class ProteinView
{
    public int ProteinId { get; set; }

    public Protein Protein { get; set; } = null!;

    public DateOnly Day { get; set; }

    public long Count { get; set; }
}

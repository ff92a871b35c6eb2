using FPbase.Data.Popularity;

namespace FPbase.Web.Features.Home;

/// <summary>The home page: what the database holds, and the most viewed proteins of each period up to <see cref="Day"/>.</summary>
public sealed record HomePage(HomeCounts Counts, DateOnly Day, IReadOnlyList<PopularPeriod> Popular);

/// <summary>The most viewed proteins over one period ("day", "week", ...).</summary>
public sealed record PopularPeriod(string Name, int Days, IReadOnlyList<PopularProtein> Proteins);

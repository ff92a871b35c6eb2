namespace FPbase.Data.Entities;

/// <summary>Entities with FPbase's TimeStampedModel fields. <see cref="FpbaseDbContext"/> refreshes
/// <see cref="Modified"/> on update (UTC).</summary>
public interface ITimestamped
{
    DateTime Created { get; set; }

    DateTime Modified { get; set; }
}

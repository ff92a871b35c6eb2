namespace FPbase.Data.Entities;

/// <summary>
/// Rows that record when they were created (UTC). <see cref="FpbaseDbContext"/> sets <see cref="Created"/> when such a
/// row is added without one, from its <see cref="TimeProvider"/>.
/// </summary>
public interface ICreated
{
    DateTime Created { get; set; }
}

/// <summary>Entities with FPbase's TimeStampedModel fields. <see cref="FpbaseDbContext"/> sets both when a row is
/// added without them and refreshes <see cref="Modified"/> on update (UTC, from its <see cref="TimeProvider"/>).</summary>
public interface ITimestamped : ICreated
{
    DateTime Modified { get; set; }
}

namespace FPbase.Data.Entities;

/// <summary>
/// Rows whose writes accept If-Match: <see cref="Version"/> is a concurrency token that <see cref="FpbaseDbContext"/>
/// replaces with a new random value on every insert and update, so every UPDATE and DELETE of the row says
/// <c>WHERE version = @original</c> and fails (<c>DbUpdateConcurrencyException</c>) when someone else wrote it since.
/// A conditional write sets the original value to the version the client's ETag was built from. An aggregate whose
/// children change without the root's own columns changing (a protein's states, bleach measurements...) touches the
/// root's version itself (<see cref="Revisions.ProteinEditSession"/>).
/// </summary>
public interface IRowVersioned
{
    Guid Version { get; set; }
}

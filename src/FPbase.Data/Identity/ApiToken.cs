using FPbase.Data.Entities;

namespace FPbase.Data.Identity;

/// <summary>
/// A bearer token for scripts, owned by one user. Only a SHA-256 hash of the token is stored, with a short
/// <see cref="Prefix"/> that lets its owner tell tokens apart; the token itself is shown once, on creation.
/// Revoking a token deletes its row.
/// </summary>
public sealed class ApiToken : ICreated
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    public ApplicationUser? User { get; set; }

    /// <summary>The owner's label ("plate reader script").</summary>
    public string Name { get; set; } = "";

    /// <summary>The first characters of the token (<c>fpb_AbCd1234</c>), for display only.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>SHA-256 of the token's UTF-8 bytes (32 bytes), unique.</summary>
    public byte[] Hash { get; set; } = [];

    public DateTime Created { get; set; }
}

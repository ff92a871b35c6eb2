using FPbase.Data.Entities;

namespace FPbase.Data.Identity;

/// <summary>
/// A user's favourite protein (FPbase's "favorite" heart). Per-user data: no public page or list shows it,
/// so a change bumps no cached resource.
/// </summary>
public sealed class ProteinFavourite : ICreated
{
    public string UserId { get; set; } = "";

    public int ProteinId { get; set; }

    public DateTime Created { get; set; }
}

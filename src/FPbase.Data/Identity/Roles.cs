namespace FPbase.Data.Identity;

/// <summary>
/// The roles, seeded in every database (fixed ids, so the migration and SQLite's EnsureCreated agree).
/// <see cref="Staff"/> implies <see cref="Editor"/>: the web site's policies accept either role for editing.
/// </summary>
public static class Roles
{
    /// <summary>May write: edit proteins, add references and excerpts, submit spectra, ...</summary>
    public const string Editor = "Editor";

    /// <summary>May also approve spectra and hide proteins. Implies <see cref="Editor"/>.</summary>
    public const string Staff = "Staff";

    internal const string EditorId = "role-editor";
    internal const string StaffId = "role-staff";
}

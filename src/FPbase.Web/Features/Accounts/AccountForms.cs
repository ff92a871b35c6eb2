using System.ComponentModel.DataAnnotations;

namespace FPbase.Web.Features.Accounts;

/// <summary>The login form: user name or e-mail address, and password.</summary>
public sealed class LoginForm
{
    [Required, StringLength(256), Display(Name = "User name or e-mail")]
    public string Login { get; set; } = "";

    [Required, StringLength(256), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [Display(Name = "Remember me")]
    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}

/// <summary>The registration form.</summary>
public sealed class RegisterForm
{
    [Required, StringLength(64, MinimumLength = 3), RegularExpression("^[A-Za-z0-9_.-]+$", ErrorMessage = "Letters, digits, '.', '_' and '-' only."), Display(Name = "User name")]
    public string UserName { get; set; } = "";

    [Required, EmailAddress, StringLength(256), Display(Name = "E-mail")]
    public string Email { get; set; } = "";

    [Required, StringLength(256), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [Required, Compare(nameof(Password), ErrorMessage = "The passwords differ."), DataType(DataType.Password), Display(Name = "Password again")]
    public string ConfirmPassword { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

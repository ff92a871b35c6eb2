using FPbase.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace FPbase.Web.Features.Accounts;

/// <summary>
/// Log in, register, log out: small server-rendered forms with antiforgery tokens (FPbase's URLs under
/// <c>/accounts/</c>). The pages carry a per-session token, so they are never cached (<c>no-store</c>) and
/// have no CacheResources. A form with errors is shown again with status 400.
/// </summary>
[AutoValidateAntiforgeryToken]
[Route("/accounts")]
public sealed class AccountController(
    SignInManager<ApplicationUser> signIn,
    UserManager<ApplicationUser> users,
    IOptions<AccountOptions> options) : Controller
{
    private const string LoginView = "~/Features/Accounts/Login.cshtml";
    private const string RegisterView = "~/Features/Accounts/Register.cshtml";
    private const string LogoutView = "~/Features/Accounts/Logout.cshtml";

    [HttpGet("login/")]
    [HttpHead("login/")]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl) => Form(LoginView, new LoginForm { ReturnUrl = returnUrl });

    [HttpPost("login/")]
    [AllowAnonymous]
    public async Task<IActionResult> Login([FromForm] LoginForm form)
    {
        if (!ModelState.IsValid)
        {
            return Form(LoginView, form, StatusCodes.Status400BadRequest);
        }

        var user = await users.FindByNameAsync(form.Login) ?? (form.Login.Contains('@') ? await users.FindByEmailAsync(form.Login) : null);
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, form.Password, form.RememberMe, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", result.IsLockedOut ? "Too many failed attempts: try again in a few minutes." : "Wrong user name or password.");
            form.Password = "";
            return Form(LoginView, form, StatusCodes.Status400BadRequest);
        }

        return LocalRedirect(SafeReturnUrl(form.ReturnUrl));
    }

    [HttpGet("register/")]
    [HttpHead("register/")]
    [AllowAnonymous]
    public IActionResult Register(string? returnUrl) => Form(RegisterView, new RegisterForm { ReturnUrl = returnUrl });

    [HttpPost("register/")]
    [AllowAnonymous]
    public async Task<IActionResult> Register([FromForm] RegisterForm form)
    {
        if (ModelState.IsValid)
        {
            var user = new ApplicationUser { UserName = form.UserName, Email = form.Email };
            var created = await users.CreateAsync(user, form.Password);
            if (created.Succeeded && options.Value.NewUsersAreEditors)
            {
                created = await users.AddToRoleAsync(user, Roles.Editor);
            }

            if (created.Succeeded)
            {
                await signIn.SignInAsync(user, isPersistent: false);
                return LocalRedirect(SafeReturnUrl(form.ReturnUrl));
            }

            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(error.Code.Contains("Password", StringComparison.Ordinal) ? nameof(RegisterForm.Password) : "", error.Description);
            }
        }

        form.Password = form.ConfirmPassword = "";
        return Form(RegisterView, form, StatusCodes.Status400BadRequest);
    }

    /// <summary>A page with the logout button: logging out is a POST, so no link on any page can do it.</summary>
    [HttpGet("logout/")]
    [HttpHead("logout/")]
    [AllowAnonymous]
    public IActionResult Logout() => Form(LogoutView, model: null);

    [HttpPost("logout/")]
    [AllowAnonymous]
    public async Task<IActionResult> LogoutPost()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }

    private ViewResult Form(string view, object? model, int status = StatusCodes.Status200OK)
    {
        Response.StatusCode = status;
        Response.Headers.CacheControl = "no-store";
        return View(view, model);
    }

    private string SafeReturnUrl(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}

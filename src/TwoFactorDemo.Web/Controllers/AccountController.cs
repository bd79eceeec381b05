using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using TwoFactorDemo.Web.Account;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Email;
using TwoFactorDemo.Web.SignIn;
using TwoFactorDemo.Web.ViewModels.Account;

namespace TwoFactorDemo.Web.Controllers;

/// <summary>The password steps: register, log in, log out.</summary>
[AllowAnonymous]
public class AccountController(
    PasswordLogin passwordLogin,
    AccountRegistration registration,
    SessionSignOut sessionSignOut,
    AccountEmails emails,
    UserManager<ApplicationUser> users) : Controller
{
    public const string ForgotPasswordAnswer =
        "If an account uses that address, we've emailed it a link to reset the password. It may take a minute; check your spam folder too.";

    public const string LoginFailedMessage = "Invalid email or password, or the account is locked for a few minutes after too many attempts.";

    [HttpGet]
    public IActionResult Login(string? returnUrl) => View(new LoginViewModel { ReturnUrl = returnUrl });

    [HttpPost]
    public async Task<IActionResult> Login(LoginViewModel model)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }
        var result = await passwordLogin.SignInAsync(model.Email, model.Password);
        return result switch
        {
            PasswordSignInResult.NeedsSecondFactor => RedirectToAction("Index", "TwoFactor", new { ReturnUrl = Url.LocalOrHome(model.ReturnUrl) }),
            PasswordSignInResult.BrowserRemembered => LocalRedirect(Url.LocalOrHome(model.ReturnUrl)),
            _ => Failed(model),
        };
    }

    [HttpGet]
    public IActionResult Register(string? returnUrl) => View(new RegisterViewModel { ReturnUrl = returnUrl });

    [HttpPost]
    public async Task<IActionResult> Register(RegisterViewModel model)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }
        var outcome = await registration.RegisterAsync(model.Email, model.Password, model.PhoneNumber);
        if (!outcome.Accepted)
        {
            foreach (var error in outcome.Errors)
            {
                ModelState.AddModelError("", error);
            }
            return View(model);
        }
        // The same page whether the address was new or taken: it says nothing about other people's accounts.
        return View("Registered", new RegisteredViewModel { Email = model.Email, MailSent = outcome.MailSent, ReturnUrl = Url.LocalOrHome(model.ReturnUrl) });
    }

    [HttpPost]
    public async Task<IActionResult> Logout()
    {
        await sessionSignOut.SignOutAsync(await users.GetUserAsync(User));
        TempData["Status"] = "You are signed out.";
        return RedirectToAction("Index", "Home");
    }

    [HttpGet]
    public IActionResult AccessDenied() => View();

    [HttpGet]
    public async Task<IActionResult> ConfirmEmail(string? userId, string? code) =>
        View(await emails.ConfirmAsync(userId, code));

    [HttpGet]
    public IActionResult ForgotPassword() => View(new ForgotPasswordViewModel());

    /// <summary>Answers the same, in the same time, whether or not the address has an account (the mail is queued).</summary>
    [HttpPost]
    public IActionResult ForgotPassword(ForgotPasswordViewModel model)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }
        emails.RequestPasswordReset(model.Email);
        TempData["Status"] = ForgotPasswordAnswer;
        return RedirectToAction(nameof(Login));
    }

    [HttpGet]
    public IActionResult ResetPassword(string? email, string? code) =>
        View(new ResetPasswordViewModel { Email = email ?? "", Code = code ?? "" });

    [HttpPost]
    public async Task<IActionResult> ResetPassword(ResetPasswordViewModel model)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }
        var result = await emails.ResetPasswordAsync(model.Email, model.Code, model.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("", error.Description);
            }
            return View(model);
        }
        TempData["Status"] = "Your password is changed and every session is signed out. Log in with the new password; your second factor is still required.";
        return RedirectToAction(nameof(Login));
    }

    private ViewResult Failed(LoginViewModel model)
    {
        ModelState.AddModelError("", LoginFailedMessage);
        return View(model);
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using TwoFactorDemo.Web.Authentication;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Sessions;
using TwoFactorDemo.Web.ViewModels.Account;

namespace TwoFactorDemo.Web.Controllers;

/// <summary>The password steps: register, log in, log out.</summary>
[AllowAnonymous]
public class AccountController(
    PasswordLogin passwordLogin,
    AccountRegistration registration,
    SessionSignOut sessionSignOut,
    UserManager<ApplicationUser> users) : Controller
{
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
        var result = await registration.RegisterAsync(model.Email, model.Password, model.PhoneNumber);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("", error.Description);
            }
            return View(model);
        }
        if (registration.PhoneMessage is { } phoneMessage)
        {
            TempData["Status"] = phoneMessage;
            return Redirect("/Security/Phone");
        }
        return RedirectToAction("Index", "TwoFactor", new { ReturnUrl = Url.LocalOrHome(model.ReturnUrl) });
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

    private ViewResult Failed(LoginViewModel model)
    {
        ModelState.AddModelError("", LoginFailedMessage);
        return View(model);
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Localization;
using TwoFactorDemo.Web.SignIn;

namespace TwoFactorDemo.Web.Account;

/// <summary>The password steps: register, log in, log out. The mailed links' pages are in <see cref="AccountEmailsController"/>.</summary>
[AllowAnonymous]
public class AccountController(
    IStringLocalizer<SharedResource> T,
    PasswordLogin passwordLogin,
    AccountRegistration registration,
    SessionSignOut sessionSignOut,
    UserManager<ApplicationUser> users) : Controller
{
    public static readonly string LoginFailedMessage = TextKey.Of("Invalid email or password, or the account is locked for a few minutes after too many attempts.");

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
        TempData.SetStatus(T["You are signed out."]);
        return RedirectToAction("Index", "Home");
    }

    [HttpGet]
    public IActionResult AccessDenied() => View();

    private ViewResult Failed(LoginViewModel model)
    {
        ModelState.AddModelError("", T[LoginFailedMessage]);
        return View(model);
    }
}

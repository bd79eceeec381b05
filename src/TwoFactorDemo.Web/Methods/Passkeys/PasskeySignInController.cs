using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TwoFactorDemo.Web.Localization;
using TwoFactorDemo.Web.SignIn;

namespace TwoFactorDemo.Web.Methods.Passkeys;

/// <summary>/Account/Passkey: "Sign in with a passkey" on the login page, without a password.</summary>
[AllowAnonymous]
[Route("Account/Passkey")]
public class PasskeySignInController(IStringLocalizer<SharedResource> T, PasskeyCeremonies ceremonies, PasskeySignIn passkeySignIn) : Controller
{
    public static readonly string FailedMessage = TextKey.Of("That passkey didn't sign you in. Try again, or sign in with your email and password.");

    /// <summary>For passkeys.js: request options for any passkey of this site (the browser offers the ones it has).</summary>
    [HttpPost("Options")]
    public async Task<IActionResult> Options() => Content(await ceremonies.BeginAssertionAsync(null), "application/json");

    [HttpPost("")]
    public async Task<IActionResult> Index(PasskeyFormModel model)
    {
        var target = Url.LocalOrHome(model.ReturnUrl);
        switch (await passkeySignIn.SignInAsync(model.Credential))
        {
            case PasskeySignInResult.Verified:
                return LocalRedirect(target);
            case PasskeySignInResult.NeedsSecondFactor:
                TempData.SetStatus(T["Your passkey didn't confirm it's you (no PIN or fingerprint), so one more step is needed."]);
                return RedirectToAction("Index", "TwoFactor", new { ReturnUrl = target });
            default:
                TempData.SetStatus(T[FailedMessage]);
                return RedirectToAction("Login", "Account", new { ReturnUrl = target });
        }
    }
}

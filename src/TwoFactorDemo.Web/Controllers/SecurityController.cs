using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Authentication;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Hosting;
using TwoFactorDemo.Web.Sessions;
using TwoFactorDemo.Web.TwoFactor;
using TwoFactorDemo.Web.TwoFactor.RecoveryCodes;
using TwoFactorDemo.Web.TwoFactor.Totp;
using TwoFactorDemo.Web.ViewModels.Security;

namespace TwoFactorDemo.Web.Controllers;

/// <summary>
/// Self-service security settings. Reachable with only the password while the user has no method (to set
/// one up); removing or replacing anything needs a second factor proved in the last 10 minutes.
/// </summary>
[Authorize(Policy = AuthorizationPolicies.SecuritySetup)]
public class SecurityController(
    UserManager<ApplicationUser> users,
    SecondFactorSettings settings,
    TotpEnrollment totp,
    RecoveryCodeService recoveryCodes,
    SessionSignOut sessionSignOut,
    RememberedBrowsers rememberedBrowsers,
    SecurityEventLog audit,
    IOptions<TwoFactorOptions> options) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(string? returnUrl)
    {
        var user = await users.GetRequiredUserAsync(User);
        var methods = await settings.MethodsAsync(user);
        // One look at the remember cookie and its row answers both "is this browser remembered" and "which one is it".
        var thisBrowser = await rememberedBrowsers.ThisBrowserIdAsync(user, await users.GetSecurityStampAsync(user));
        return View(new SecurityOverviewViewModel
        {
            Methods = methods,
            RecoveryCodesLeft = await recoveryCodes.CountRemainingAsync(user.Id),
            BrowserRemembered = thisBrowser is not null,
            RememberedBrowsers = await rememberedBrowsers.ListAsync(user.Id),
            ThisBrowserId = thisBrowser,
            SessionMethod = User.SecondFactorMethod(),
            SessionVerifiedAt = User.SecondFactorVerifiedAt(),
            PendingPhone = user.PendingPhoneNumber,
            MustSetUpMethod = options.Value.Enforcement == SecondFactorEnforcement.Required && !methods.Any(m => m.Enrolled),
            ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : null,
        });
    }

    [HttpGet]
    [Authorize(Policy = AuthorizationPolicies.RecentSecondFactorIfEnrolled)]
    public async Task<IActionResult> Totp()
    {
        var user = await users.GetRequiredUserAsync(User);
        return View(await TotpPageAsync(user));
    }

    [HttpPost]
    [Authorize(Policy = AuthorizationPolicies.RecentSecondFactorIfEnrolled)]
    public async Task<IActionResult> Totp(TotpSetupViewModel model)
    {
        var user = await users.GetRequiredUserAsync(User);
        var code = model.Code;
        ModelState.Remove(nameof(TotpSetupViewModel.Code));
        var page = await TotpPageAsync(user);
        if (page.Enabled)
        {
            return RedirectToAction(nameof(Totp));
        }
        var normalized = VerificationCode.Normalize(code);
        if (string.IsNullOrWhiteSpace(code) || code.Length > 64 || !VerificationCode.IsDigits(normalized, TotpAlgorithm.Digits))
        {
            ModelState.AddModelError(nameof(TotpSetupViewModel.Code), "Enter the 6-digit code your app shows (spaces and dashes are fine).");
            return View(page);
        }
        var newCodes = await settings.EnableTotpAsync(user, normalized);
        if (newCodes is null)
        {
            ModelState.AddModelError(nameof(TotpSetupViewModel.Code),
                "That code didn't match. Scan the QR code again or re-type the key, then enter the code your app shows now.");
            return View(page);
        }
        if (newCodes.Count > 0)
        {
            return View("RecoveryCodes", new RecoveryCodesViewModel { Remaining = newCodes.Count, HasMethod = true, NewCodes = newCodes });
        }
        TempData["Status"] = "Your authenticator app is set up.";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("Security/Totp/Disable")]
    [Authorize(Policy = AuthorizationPolicies.RecentSecondFactor)]
    public async Task<IActionResult> DisableTotp()
    {
        var user = await users.GetRequiredUserAsync(User);
        return user.TotpSecret is null ? RedirectToAction(nameof(Index)) : View();
    }

    [HttpPost("Security/Totp/Disable")]
    [Authorize(Policy = AuthorizationPolicies.RecentSecondFactor)]
    public async Task<IActionResult> DisableTotpConfirmed()
    {
        var user = await users.GetRequiredUserAsync(User);
        if (user.TotpSecret is not null)
        {
            await settings.DisableTotpAsync(user);
            TempData["Status"] = "The authenticator app is no longer a way to sign in.";
        }
        return RedirectToAction(nameof(Index));
    }

    [HttpGet]
    public async Task<IActionResult> RecoveryCodes()
    {
        var user = await users.GetRequiredUserAsync(User);
        var methods = await settings.MethodsAsync(user);
        return View(new RecoveryCodesViewModel
        {
            Remaining = await recoveryCodes.CountRemainingAsync(user.Id),
            HasMethod = methods.Any(m => m.Enrolled),
        });
    }

    [HttpPost]
    [Authorize(Policy = AuthorizationPolicies.RecentSecondFactor)]
    [ActionName("RecoveryCodes")]
    public async Task<IActionResult> RegenerateRecoveryCodes()
    {
        var user = await users.GetRequiredUserAsync(User);
        var codes = await settings.RegenerateRecoveryCodesAsync(user);
        if (codes is null)
        {
            TempData["Status"] = "Set up a sign-in method first; recovery codes back it up.";
            return RedirectToAction(nameof(Index));
        }
        return View("RecoveryCodes", new RecoveryCodesViewModel { Remaining = codes.Count, HasMethod = true, NewCodes = codes });
    }

    /// <summary>Forgets this browser, or (with <paramref name="browserId"/>) one of the others listed on the page.</summary>
    [HttpPost]
    public async Task<IActionResult> ForgetBrowser(long? browserId)
    {
        var user = await users.GetRequiredUserAsync(User);
        if (browserId is { } id)
        {
            var forgotten = await rememberedBrowsers.ForgetAsync(user.Id, id) == 1;
            if (forgotten)
            {
                await audit.WriteAsync(SecurityEventKinds.BrowserForgotten, user.Id, $"browser {id}");
            }
            TempData["Status"] = forgotten
                ? "That browser is forgotten: its next sign-in asks for your second factor."
                : "That browser was already forgotten.";
            return RedirectToAction(nameof(Index));
        }
        await rememberedBrowsers.ForgetThisAsync(user.Id);
        await audit.WriteAsync(SecurityEventKinds.BrowserForgotten, user.Id);
        TempData["Status"] = "This browser is forgotten: the next sign-in here asks for your second factor.";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost]
    public async Task<IActionResult> SignOutOtherSessions()
    {
        var user = await users.GetRequiredUserAsync(User);
        await sessionSignOut.SignOutOtherSessionsAsync(user);
        TempData["Status"] = "All your other sessions are signed out, and every remembered browser is forgotten.";
        return RedirectToAction(nameof(Index));
    }

    private async Task<TotpSetupViewModel> TotpPageAsync(ApplicationUser user) =>
        user.TotpSecret is not null
            ? new TotpSetupViewModel { Enabled = true, EnabledAt = user.TotpEnabledAt }
            : new TotpSetupViewModel { Setup = await totp.GetOrCreatePendingAsync(user) };
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TwoFactorDemo.Web.Authentication;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Localization;
using TwoFactorDemo.Web.SignIn;

namespace TwoFactorDemo.Web.Methods.Totp;

/// <summary>/Security/Totp: scan the QR code, prove it with a code; turning it off needs step-up.</summary>
[Authorize(Policy = AuthorizationPolicies.SecuritySetup)]
[Route("Security/Totp")]
public class TotpSetupController(
    IStringLocalizer<SharedResource> T,
    UserManager<ApplicationUser> users,
    TotpEnrollment totp,
    SecondFactorSettings settings,
    EnrolledMethods methods) : Controller
{
    [HttpGet("")]
    [Authorize(Policy = AuthorizationPolicies.RecentSecondFactorIfEnrolled)]
    public async Task<IActionResult> Index() => View(await PageAsync(await users.GetRequiredUserAsync(User)));

    [HttpPost("")]
    [Authorize(Policy = AuthorizationPolicies.RecentSecondFactorIfEnrolled)]
    public async Task<IActionResult> Index(TotpSetupViewModel model)
    {
        var user = await users.GetRequiredUserAsync(User);
        var code = model.Code;
        ModelState.Remove(nameof(TotpSetupViewModel.Code));
        var page = await PageAsync(user);
        if (page.Enabled)
        {
            return RedirectToAction(nameof(Index));
        }
        var normalized = VerificationCode.Normalize(code);
        if (string.IsNullOrWhiteSpace(code) || code.Length > 64 || !VerificationCode.IsDigits(normalized, TotpAlgorithm.Digits))
        {
            ModelState.AddModelError(nameof(TotpSetupViewModel.Code), T["Enter the 6-digit code your app shows (spaces and dashes are fine)."]);
            return View(page);
        }
        var codes = await settings.EnableProvedAsync(user, TotpMethod.MethodName, () => totp.ConfirmAsync(user, normalized));
        if (codes is null)
        {
            ModelState.AddModelError(nameof(TotpSetupViewModel.Code),
                T["That code didn't match. Scan the QR code again or re-type the key, then enter the code your app shows now."]);
            return View(page);
        }
        if (codes.Count > 0)
        {
            return this.NewRecoveryCodes(codes);
        }
        TempData.SetStatus(T["Your authenticator app is set up."]);
        return Redirect("/Security");
    }

    [HttpGet("Disable")]
    [Authorize(Policy = AuthorizationPolicies.RecentSecondFactor)]
    public async Task<IActionResult> Disable() =>
        (await users.GetRequiredUserAsync(User)).TotpSecret is null ? Redirect("/Security") : View();

    [HttpPost("Disable")]
    [Authorize(Policy = AuthorizationPolicies.RecentSecondFactor)]
    [ActionName(nameof(Disable))]
    public async Task<IActionResult> DisableConfirmed()
    {
        var user = await users.GetRequiredUserAsync(User);
        if (user.TotpSecret is not null)
        {
            await settings.TurnOffAsync(user, methods.Find(TotpMethod.MethodName)!);
            TempData.SetStatus(T["The authenticator app is no longer a way to sign in."]);
        }
        return Redirect("/Security");
    }

    private async Task<TotpSetupViewModel> PageAsync(ApplicationUser user) =>
        user.TotpSecret is not null
            ? new TotpSetupViewModel { Enabled = true, EnabledAt = user.TotpEnabledAt }
            : new TotpSetupViewModel { Setup = await totp.GetOrCreatePendingAsync(user) };
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TwoFactorDemo.Web.Authentication;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Localization;
using TwoFactorDemo.Web.SignIn;

namespace TwoFactorDemo.Web.Methods.Sms;

/// <summary>/Security/Sms: text-message sign-in on or off for the verified number (the number itself: <see cref="PhoneSetupController"/>).</summary>
[Authorize(Policy = AuthorizationPolicies.SecuritySetup)]
[Route("Security/Sms")]
public class SmsSetupController(
    IStringLocalizer<SharedResource> T,
    UserManager<ApplicationUser> users,
    PhoneSetup phoneSetup,
    SecondFactorSettings settings,
    EnrolledMethods methods) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Sms()
    {
        var user = await users.GetRequiredUserAsync(User);
        return View(new SmsSettingsViewModel { VerifiedPhone = user.PhoneNumberConfirmed ? user.PhoneNumber : null, Enabled = user.SmsEnabled });
    }

    [HttpPost("")]
    [Authorize(Policy = AuthorizationPolicies.RecentSecondFactorIfEnrolled)]
    public async Task<IActionResult> EnableSms()
    {
        var user = await users.GetRequiredUserAsync(User);
        var result = await phoneSetup.EnableSmsAsync(user);
        TempData.SetStatus(result.Message);
        return result.Succeeded ? RedirectToAction(nameof(Sms)) : Redirect("/Security/Phone");
    }

    [HttpGet("Disable")]
    [Authorize(Policy = AuthorizationPolicies.RecentSecondFactor)]
    public async Task<IActionResult> DisableSms() =>
        (await users.GetRequiredUserAsync(User)).SmsEnabled ? View() : RedirectToAction(nameof(Sms));

    [HttpPost("Disable")]
    [Authorize(Policy = AuthorizationPolicies.RecentSecondFactor)]
    public async Task<IActionResult> DisableSmsConfirmed()
    {
        var user = await users.GetRequiredUserAsync(User);
        if (user.SmsEnabled)
        {
            await settings.TurnOffAsync(user, methods.Find(SmsMethod.MethodName)!);
            TempData.SetStatus(T["Text-message codes are off."]);
        }
        return Redirect("/Security");
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TwoFactorDemo.Web.Authentication;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Localization;
using TwoFactorDemo.Web.SignIn;

namespace TwoFactorDemo.Web.Methods.EmailLink;

/// <summary>Email sign-in links under /Security, and resending the confirmation mail.</summary>
[Authorize(Policy = AuthorizationPolicies.SecuritySetup)]
[Route("Security/Email")]
public class EmailLinkSetupController(
    IStringLocalizer<SharedResource> T,
    UserManager<ApplicationUser> users,
    EmailLinkSettings emailLinks,
    SecondFactorSettings settings,
    EnrolledMethods methods) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Email()
    {
        var user = await users.GetRequiredUserAsync(User);
        return View(new EmailSettingsViewModel { Email = user.Email!, Confirmed = user.EmailConfirmed, Enabled = user.EmailLinkEnabled });
    }

    [HttpPost("")]
    [Authorize(Policy = AuthorizationPolicies.RecentSecondFactorIfEnrolled)]
    public async Task<IActionResult> EnableEmail()
    {
        var user = await users.GetRequiredUserAsync(User);
        var codes = await emailLinks.EnableAsync(user);
        if (codes is null)
        {
            TempData.SetStatus(T["Confirm your email address first: open the link we sent you, or resend it below."]);
            return RedirectToAction(nameof(Email));
        }
        if (codes.Count > 0)
        {
            return this.NewRecoveryCodes(codes);
        }
        TempData.SetStatus(T["Email sign-in links are on."]);
        return RedirectToAction(nameof(Email));
    }

    [HttpPost("ResendConfirmation")]
    public async Task<IActionResult> ResendConfirmation()
    {
        var user = await users.GetRequiredUserAsync(User);
        TempData.SetStatus(user.EmailConfirmed
            ? T["Your address is already confirmed."]
            : await emailLinks.ResendConfirmationAsync(user)
                ? T["We sent a new confirmation link. It may take a minute to arrive."]
                : T["We couldn't send the email. Please try again in a minute."]);
        return RedirectToAction(nameof(Email));
    }

    [HttpGet("Disable")]
    [Authorize(Policy = AuthorizationPolicies.RecentSecondFactor)]
    public async Task<IActionResult> DisableEmail() =>
        (await users.GetRequiredUserAsync(User)).EmailLinkEnabled ? View() : RedirectToAction(nameof(Email));

    [HttpPost("Disable")]
    [Authorize(Policy = AuthorizationPolicies.RecentSecondFactor)]
    public async Task<IActionResult> DisableEmailConfirmed()
    {
        var user = await users.GetRequiredUserAsync(User);
        if (user.EmailLinkEnabled)
        {
            await settings.TurnOffAsync(user, methods.Find(EmailLinkMethod.MethodName)!);
            TempData.SetStatus(T["Email sign-in links are off."]);
        }
        return Redirect("/Security");
    }
}

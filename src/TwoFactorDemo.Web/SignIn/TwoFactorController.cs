using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TwoFactorDemo.Web.Authentication;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Methods;

namespace TwoFactorDemo.Web.SignIn;

/// <summary>
/// /TwoFactor: after the password, the list of the user's methods that can be used now. Each method's own page
/// (/TwoFactor/Totp, …) lives in its folder under Methods/.
/// </summary>
[Authorize(Policy = AuthorizationPolicies.PasswordSignedIn)]
public class TwoFactorController(UserManager<ApplicationUser> users, EnrolledMethods enrolledMethods, IOptions<TwoFactorOptions> options) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(string? returnUrl, bool stepUp, bool phishingResistant)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToAction("Login", "Account");
        }
        var target = Url.LocalOrHome(returnUrl);
        if (!await enrolledMethods.HasPrimaryAsync(user))
        {
            return options.Value.Enforcement == SecondFactorEnforcement.Required || stepUp
                ? RedirectToAction("Index", "Security", new { ReturnUrl = target })
                : LocalRedirect(target);
        }
        if (User.HasSecondFactor() && !stepUp)
        {
            return LocalRedirect(target);
        }
        // Only what can be used now is offered; a locked method still counts as the account's second factor above.
        // Where only a phishing-resistant method will do (the admin area, when configured so), only those are offered.
        var available = await enrolledMethods.AvailableAsync(user);
        return View(new ChallengeViewModel
        {
            // Step-up (and the admin area) is not offered a weaker factor (typing).
            Methods = available.Where(m => (!phishingResistant || m.IsPhishingResistant) && (!stepUp || m.CountsForStepUp)).ToList(),
            ReturnUrl = target,
            StepUp = stepUp,
            PhishingResistantOnly = phishingResistant,
        });
    }
}

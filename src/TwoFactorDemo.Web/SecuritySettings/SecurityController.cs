using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Authentication;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Localization;
using TwoFactorDemo.Web.Methods;
using TwoFactorDemo.Web.SignIn;

namespace TwoFactorDemo.Web.SecuritySettings;

/// <summary>
/// Self-service security settings. Reachable with only the password while the user has no method (to set
/// one up); removing or replacing anything needs a second factor proved in the last 10 minutes.
/// </summary>
[Authorize(Policy = AuthorizationPolicies.SecuritySetup)]
public class SecurityController(
    IStringLocalizer<SharedResource> T,
    UserManager<ApplicationUser> users,
    EnrolledMethods methods,
    IRecoveryCodes recoveryCodes,
    SessionSignOut sessionSignOut,
    RememberedBrowsers rememberedBrowsers,
    SecurityEventLog audit,
    IOptions<TwoFactorOptions> options) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(string? returnUrl, bool phishingResistant)
    {
        var user = await users.GetRequiredUserAsync(User);
        var states = await methods.StatesAsync(user);
        // One look at the remember cookie and its row answers both "is this browser remembered" and "which one is it".
        var thisBrowser = await rememberedBrowsers.ThisBrowserIdAsync(user, await users.GetSecurityStampAsync(user));
        return View(new SecurityOverviewViewModel
        {
            Methods = states,
            RecoveryCodesLeft = await recoveryCodes.CountRemainingAsync(user.Id),
            BrowserRemembered = thisBrowser is not null,
            RememberedBrowsers = await rememberedBrowsers.ListAsync(user.Id),
            ThisBrowserId = thisBrowser,
            SessionMethod = User.SecondFactorMethod(),
            SessionVerifiedAt = User.SecondFactorVerifiedAt(),
            MustSetUpMethod = options.Value.Enforcement == SecondFactorEnforcement.Required && !states.Any(m => m.Enrolled),
            ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : null,
            MustSetUpPhishingResistant = phishingResistant,
        });
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
            TempData.SetStatus(forgotten
                ? T["That browser is forgotten: its next sign-in asks for your second factor."]
                : T["That browser was already forgotten."]);
            return RedirectToAction(nameof(Index));
        }
        await rememberedBrowsers.ForgetThisAsync(user.Id);
        await audit.WriteAsync(SecurityEventKinds.BrowserForgotten, user.Id);
        TempData.SetStatus(T["This browser is forgotten: the next sign-in here asks for your second factor."]);
        return RedirectToAction(nameof(Index));
    }

    [HttpPost]
    public async Task<IActionResult> SignOutOtherSessions()
    {
        var user = await users.GetRequiredUserAsync(User);
        await sessionSignOut.SignOutOtherSessionsAsync(user);
        TempData.SetStatus(T["All your other sessions are signed out, and every remembered browser is forgotten."]);
        return RedirectToAction(nameof(Index));
    }
}

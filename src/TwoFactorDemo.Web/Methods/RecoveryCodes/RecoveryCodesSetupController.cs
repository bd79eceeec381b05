using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TwoFactorDemo.Web.Authentication;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Localization;
using TwoFactorDemo.Web.SignIn;

namespace TwoFactorDemo.Web.Methods.RecoveryCodes;

/// <summary>/Security/RecoveryCodes: how many are left; new ones (replacing all) after a step-up.</summary>
[Authorize(Policy = AuthorizationPolicies.SecuritySetup)]
[Route("Security/RecoveryCodes")]
public class RecoveryCodesSetupController(IStringLocalizer<SharedResource> T, UserManager<ApplicationUser> users, RecoveryCodeService recoveryCodes, SecondFactorSettings settings)
    : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var user = await users.GetRequiredUserAsync(User);
        return View(new RecoveryCodesViewModel
        {
            Remaining = await recoveryCodes.CountRemainingAsync(user.Id),
            HasMethod = await settings.HasMethodAsync(user),
        });
    }

    [HttpPost("")]
    [Authorize(Policy = AuthorizationPolicies.RecentSecondFactor)]
    public async Task<IActionResult> Regenerate()
    {
        var user = await users.GetRequiredUserAsync(User);
        var codes = await settings.RegenerateRecoveryCodesAsync(user);
        if (codes is null)
        {
            TempData.SetStatus(T["Set up a sign-in method first; recovery codes back it up."]);
            return Redirect("/Security");
        }
        return this.NewRecoveryCodes(codes);
    }
}

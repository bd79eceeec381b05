using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Authentication;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Localization;
using TwoFactorDemo.Web.SignIn;

namespace TwoFactorDemo.Web.Methods.Passkeys;

/// <summary>/Security/Passkeys: list, add (the browser's prompt), rename; removing one needs a step-up.</summary>
[Authorize(Policy = AuthorizationPolicies.SecuritySetup)]
[Route("Security/Passkeys")]
public class PasskeysSetupController(
    IStringLocalizer<SharedResource> T,
    UserManager<ApplicationUser> users,
    PasskeyCeremonies ceremonies,
    PasskeyList passkeys,
    SecondFactorSettings settings,
    SecurityEventLog audit) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => await PageAsync(new PasskeysViewModel());

    /// <summary>For passkeys.js: creation options for a new passkey of this user.</summary>
    [HttpPost("Options")]
    [Authorize(Policy = AuthorizationPolicies.RecentSecondFactorIfEnrolled)]
    public async Task<IActionResult> Options() => Content(await ceremonies.BeginRegistrationAsync(await users.GetRequiredUserAsync(User)), "application/json");

    [HttpPost("")]
    [Authorize(Policy = AuthorizationPolicies.RecentSecondFactorIfEnrolled)]
    public async Task<IActionResult> Add(PasskeysViewModel model)
    {
        var user = await users.GetRequiredUserAsync(User);
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(model.Credential))
        {
            return await PageAsync(new PasskeysViewModel { Message = T["Press “Add a passkey” and answer your browser's prompt."], MessageIsError = true });
        }
        PasskeyOutcome? outcome = null;
        // The new passkey, its audit record and, for a first method, the recovery codes and a verified session: one commit.
        var codes = await settings.EnableProvedAsync(user, PasskeyMethod.MethodName, async () =>
        {
            outcome = await ceremonies.CompleteRegistrationAsync(user, model.Credential, model.Name);
            if (outcome.Succeeded)
            {
                await audit.WriteAsync(SecurityEventKinds.PasskeyAdded, user.Id, PasskeyNames.Tag(outcome.Passkey!.CredentialId));
            }
            return outcome.Succeeded;
        });
        if (codes is null)
        {
            await audit.WriteAsync(SecurityEventKinds.PasskeyFailed, user.Id, "add: " + outcome!.Reason);
            return await PageAsync(new PasskeysViewModel { Message = outcome.Message, MessageIsError = true });
        }
        if (codes.Count > 0)
        {
            return this.NewRecoveryCodes(codes);
        }
        TempData.SetStatus(outcome!.Message);
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id}/Rename")]
    public async Task<IActionResult> Rename(string id, PasskeyFormModel model)
    {
        var renamed = await passkeys.RenameAsync(await users.GetRequiredUserAsync(User), id, model.Name);
        TempData.SetStatus(renamed ? T["The passkey is renamed."] : T["Give the passkey a name (up to 60 characters)."]);
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id}/Delete")]
    [Authorize(Policy = AuthorizationPolicies.RecentSecondFactor)]
    public async Task<IActionResult> Delete(string id) =>
        await passkeys.FindAsync(await users.GetRequiredUserAsync(User), id) is { } passkey ? View(passkey) : RedirectToAction(nameof(Index));

    [HttpPost("{id}/Delete")]
    [Authorize(Policy = AuthorizationPolicies.RecentSecondFactor)]
    [ActionName(nameof(Delete))]
    public async Task<IActionResult> DeleteConfirmed(string id)
    {
        var removed = await passkeys.RemoveAsync(await users.GetRequiredUserAsync(User), id);
        TempData.SetStatus(removed ? T["The passkey is removed. Remove it from your device or password manager too."] : T["That passkey was already removed."]);
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> PageAsync(PasskeysViewModel model)
    {
        model.Passkeys = await passkeys.ListAsync(await users.GetRequiredUserAsync(User));
        model.Credential = null;
        if (model.MessageIsError)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return View(nameof(Index), model);
    }
}

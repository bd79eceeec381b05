using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using TwoFactorDemo.Web.Authentication;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.SignIn;

namespace TwoFactorDemo.Web.Methods.Sms;

/// <summary>/Security/Phone: the account's phone number. A new number counts only after its code; step-up first when the account has a method.</summary>
[Authorize(Policy = AuthorizationPolicies.SecuritySetup)]
[Route("Security/Phone")]
public class PhoneSetupController(
    UserManager<ApplicationUser> users,
    PhoneSetup phoneSetup,
    SmsVerification sms,
    TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await PhonePageAsync(await users.GetRequiredUserAsync(User), new PhoneViewModel()));

    /// <summary>A new or changed number: step-up first when the account already has a method.</summary>
    [HttpPost("")]
    [Authorize(Policy = AuthorizationPolicies.RecentSecondFactorIfEnrolled)]
    public async Task<IActionResult> StartPhone(PhoneViewModel model)
    {
        var user = await users.GetRequiredUserAsync(User);
        var result = await phoneSetup.StartAsync(user, model.PhoneNumber);
        return await ShowResultAsync(user, model, result);
    }

    /// <summary>The code for the pending number, or (with Send) a new code for it.</summary>
    [HttpPost("Verify")]
    [Authorize(Policy = AuthorizationPolicies.RecentSecondFactorIfEnrolled)]
    public async Task<IActionResult> VerifyPhone(PhoneViewModel model)
    {
        var user = await users.GetRequiredUserAsync(User);
        if (model.Send is "sms" or "call")
        {
            var sent = await phoneSetup.SendToPendingAsync(user, model.Send == "call" ? SmsChannel.Call : SmsChannel.Sms);
            return await ShowResultAsync(user, model, sent);
        }
        var result = await phoneSetup.ConfirmAsync(user, model.Code, model.UseForSignIn);
        if (result.NewRecoveryCodes is { Count: > 0 } codes)
        {
            return this.NewRecoveryCodes(codes);
        }
        if (result.Succeeded)
        {
            TempData.SetStatus(result.Message);
            return RedirectToAction(nameof(Index));
        }
        return await ShowResultAsync(user, model, result);
    }

    private async Task<IActionResult> ShowResultAsync(ApplicationUser user, PhoneViewModel model, PhoneSetupResult result)
    {
        ModelState.Clear();
        model.Code = null;
        model.Message = result.Message;
        model.MessageIsError = !result.Succeeded;
        if (result.RateLimited)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
        }
        return View(nameof(Index), await PhonePageAsync(user, model));
    }

    private async Task<PhoneViewModel> PhonePageAsync(ApplicationUser user, PhoneViewModel model)
    {
        var pending = await sms.PendingAsync(SmsPurposes.VerifyPhone);
        model.VerifiedPhone = user.PhoneNumberConfirmed ? user.PhoneNumber : null;
        model.PendingPhone = user.PendingPhoneNumber;
        model.SmsEnabled = user.SmsEnabled;
        model.NextSendAt = pending?.NextSendAt > clock.GetUtcNow() ? pending.NextSendAt : null;
        model.CodeSent = pending is not null && pending.PhoneNumber == user.PendingPhoneNumber;
        return model;
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using TwoFactorDemo.Web.Authentication;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.SignIn;

namespace TwoFactorDemo.Web.Methods.Sms;

/// <summary>The phone number and SMS sign-in under /Security. A new number counts only after its code.</summary>
[Authorize(Policy = AuthorizationPolicies.SecuritySetup)]
[Route("Security")]
public class SmsSetupController(
    UserManager<ApplicationUser> users,
    PhoneSetup phoneSetup,
    SmsVerification sms,
    SecondFactorSettings settings,
    EnrolledMethods methods,
    TimeProvider clock) : Controller
{
    [HttpGet("Phone")]
    public async Task<IActionResult> Phone() => View(await PhonePageAsync(await users.GetRequiredUserAsync(User), new PhoneViewModel()));

    /// <summary>A new or changed number: step-up first when the account already has a method.</summary>
    [HttpPost("Phone")]
    [Authorize(Policy = AuthorizationPolicies.RecentSecondFactorIfEnrolled)]
    public async Task<IActionResult> StartPhone(PhoneViewModel model)
    {
        var user = await users.GetRequiredUserAsync(User);
        var result = await phoneSetup.StartAsync(user, model.PhoneNumber);
        return await ShowResultAsync(user, model, result);
    }

    /// <summary>The code for the pending number, or (with Send) a new code for it.</summary>
    [HttpPost("Phone/Verify")]
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
            TempData["Status"] = result.Message;
            return RedirectToAction(nameof(Phone));
        }
        return await ShowResultAsync(user, model, result);
    }

    [HttpGet("Sms")]
    public async Task<IActionResult> Sms()
    {
        var user = await users.GetRequiredUserAsync(User);
        return View(new SmsSettingsViewModel { VerifiedPhone = user.PhoneNumberConfirmed ? user.PhoneNumber : null, Enabled = user.SmsEnabled });
    }

    [HttpPost("Sms")]
    [Authorize(Policy = AuthorizationPolicies.RecentSecondFactorIfEnrolled)]
    public async Task<IActionResult> EnableSms()
    {
        var user = await users.GetRequiredUserAsync(User);
        var result = await phoneSetup.EnableSmsAsync(user);
        TempData["Status"] = result.Message;
        return result.Succeeded ? RedirectToAction(nameof(Sms)) : RedirectToAction(nameof(Phone));
    }

    [HttpGet("Sms/Disable")]
    [Authorize(Policy = AuthorizationPolicies.RecentSecondFactor)]
    public async Task<IActionResult> DisableSms() =>
        (await users.GetRequiredUserAsync(User)).SmsEnabled ? View() : RedirectToAction(nameof(Sms));

    [HttpPost("Sms/Disable")]
    [Authorize(Policy = AuthorizationPolicies.RecentSecondFactor)]
    public async Task<IActionResult> DisableSmsConfirmed()
    {
        var user = await users.GetRequiredUserAsync(User);
        if (user.SmsEnabled)
        {
            await settings.TurnOffAsync(user, methods.Find(SmsMethod.MethodName)!);
            TempData["Status"] = "Text-message codes are off.";
        }
        return Redirect("/Security");
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
        return View(nameof(Phone), await PhonePageAsync(user, model));
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

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.SignIn;

namespace TwoFactorDemo.Web.Methods.Sms;

/// <summary>/TwoFactor/Sms: send a code to the verified number (text or call), then type it.</summary>
[Route("TwoFactor/Sms")]
public class SmsChallengeController(
    UserManager<ApplicationUser> users,
    EnrolledMethods methods,
    SecondFactorChallenge challenge,
    SmsVerification sms,
    TimeProvider clock) : ChallengeController(users, methods, challenge)
{
    protected override string MethodName => SmsMethod.MethodName;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? returnUrl, bool stepUp) =>
        await UserWithMethodAsync() is { } user
            ? await PageAsync(user, new SmsChallengeViewModel { ReturnUrl = returnUrl, StepUp = stepUp })
            : BackToMethods(returnUrl, stepUp);

    /// <summary>Sends a code (the Send button: <c>sms</c> or <c>call</c>) or verifies the typed one.</summary>
    [HttpPost("")]
    public async Task<IActionResult> Index(SmsChallengeViewModel model)
    {
        if (await UserWithMethodAsync() is not { } user)
        {
            return BackToMethods(model.ReturnUrl, model.StepUp);
        }
        if (model.Send is not ("sms" or "call"))
        {
            return await VerifyCodeAsync(user, model, page => PageAsync(user, page));
        }
        var sent = await sms.SendAsync(user, user.PhoneNumber!, SmsPurposes.SignIn, model.Send == "call" ? SmsChannel.Call : SmsChannel.Sms);
        ModelState.Clear();
        model.SendMessage = sent.Message;
        model.SendFailed = !sent.Sent;
        if (!sent.Sent && sent.NextSendAt is not null)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
        }
        return await PageAsync(user, model);
    }

    private async Task<IActionResult> PageAsync(ApplicationUser user, SmsChallengeViewModel model)
    {
        var pending = await sms.PendingAsync(SmsPurposes.SignIn);
        model.MaskedPhone = ContactMasks.Phone(user.PhoneNumber!);
        model.SentAt = pending?.SentAt;
        model.NextSendAt = pending?.NextSendAt > clock.GetUtcNow() ? pending.NextSendAt : null;
        return View(nameof(Index), model);
    }
}

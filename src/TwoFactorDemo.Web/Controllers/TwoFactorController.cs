using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TwoFactorDemo.Web.Authentication;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Hosting;
using TwoFactorDemo.Web.TwoFactor;
using TwoFactorDemo.Web.TwoFactor.MagicLinks;
using TwoFactorDemo.Web.TwoFactor.RecoveryCodes;
using TwoFactorDemo.Web.TwoFactor.Sms;
using TwoFactorDemo.Web.TwoFactor.Typing;
using TwoFactorDemo.Web.ViewModels.TwoFactor;

namespace TwoFactorDemo.Web.Controllers;

/// <summary>The challenge after the password: pick a method, prove it, continue to the return URL.</summary>
[Authorize(Policy = AuthorizationPolicies.PasswordSignedIn)]
public class TwoFactorController(
    UserManager<ApplicationUser> users,
    EnrolledMethods enrolledMethods,
    SecondFactorChallenge challenge,
    RecoveryCodeService recoveryCodes,
    SmsVerification sms,
    MagicLinkService magicLinks,
    TypingProfiles typing,
    TimeProvider clock,
    IOptions<TwoFactorOptions> options) : Controller
{
    public const string LockedOutMessage = "Too many wrong codes. For your safety this account is locked for a few minutes; try again later.";

    [HttpGet]
    public async Task<IActionResult> Index(string? returnUrl, bool stepUp)
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
        return View(new ChallengeViewModel { Methods = await enrolledMethods.AvailableAsync(user), ReturnUrl = target, StepUp = stepUp });
    }

    [HttpGet]
    public Task<IActionResult> Totp(string? returnUrl, bool stepUp) =>
        ShowAsync(SecondFactorMethodNames.Totp, new CodeViewModel { ReturnUrl = returnUrl, StepUp = stepUp });

    [HttpPost]
    public Task<IActionResult> Totp(CodeViewModel model) => VerifyAsync(SecondFactorMethodNames.Totp, model,
        () => "That code didn't work. Enter the current 6-digit code from your authenticator app; if it keeps failing, check that your phone's clock is set automatically.");

    [HttpGet]
    public async Task<IActionResult> Sms(string? returnUrl, bool stepUp)
    {
        var user = await UserWithMethodAsync(SecondFactorMethodNames.Sms);
        if (user is null)
        {
            return RedirectToAction(nameof(Index), new { returnUrl, stepUp });
        }
        return View(await SmsPageAsync(user, new SmsChallengeViewModel { ReturnUrl = returnUrl, StepUp = stepUp }));
    }

    /// <summary>Sends a code (the Send button: <c>sms</c> or <c>call</c>) or verifies the typed one.</summary>
    [HttpPost]
    public async Task<IActionResult> Sms(SmsChallengeViewModel model)
    {
        var user = await UserWithMethodAsync(SecondFactorMethodNames.Sms);
        if (user is null)
        {
            return RedirectToAction(nameof(Index), new { model.ReturnUrl, model.StepUp });
        }
        if (model.Send is "sms" or "call")
        {
            var sent = await sms.SendAsync(user, user.PhoneNumber!, SmsPurposes.SignIn, model.Send == "call" ? SmsChannel.Call : SmsChannel.Sms);
            ModelState.Clear();
            model.SendMessage = sent.Message;
            model.SendFailed = !sent.Sent;
            if (!sent.Sent && sent.NextSendAt is not null)
            {
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
            }
            return View(await SmsPageAsync(user, model));
        }
        return await VerifyAsync(SecondFactorMethodNames.Sms, model,
            () => sms.LastCheck?.UserMessage ?? "That code didn't work. Check the latest message and try again.");
    }

    [HttpGet]
    public async Task<IActionResult> Email(string? returnUrl, bool stepUp)
    {
        var user = await UserWithMethodAsync(SecondFactorMethodNames.Email);
        if (user is null)
        {
            return RedirectToAction(nameof(Index), new { returnUrl, stepUp });
        }
        return View(await EmailPageAsync(user, new EmailChallengeViewModel { ReturnUrl = returnUrl, StepUp = stepUp }));
    }

    /// <summary>Sends a link (Send=email), or completes once the link was approved from another browser.</summary>
    [HttpPost]
    public async Task<IActionResult> Email(EmailChallengeViewModel model)
    {
        var user = await UserWithMethodAsync(SecondFactorMethodNames.Email);
        if (user is null)
        {
            return RedirectToAction(nameof(Index), new { model.ReturnUrl, model.StepUp });
        }
        ModelState.Clear();
        if (model.Send == "email")
        {
            var (sent, message) = await magicLinks.SendAsync(user, Url.LocalOrHome(model.ReturnUrl));
            if (sent)
            {
                TempData["Status"] = message;
                return RedirectToAction(nameof(Email), new { model.ReturnUrl, model.StepUp });
            }
            model.Message = message;
            model.MessageIsError = true;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return View(await EmailPageAsync(user, model));
        }
        var outcome = await challenge.VerifyAsync(user, SecondFactorMethodNames.Email, MagicLinkService.ApprovedElsewhere, model.RememberBrowser);
        if (outcome == ChallengeOutcome.Verified)
        {
            return LocalRedirect(Url.LocalOrHome(model.ReturnUrl));
        }
        model.Message = outcome == ChallengeOutcome.LockedOut
            ? LockedOutMessage
            : "Not approved yet. Open the link we emailed you and press the button on that page.";
        model.MessageIsError = true;
        return View(await EmailPageAsync(user, model));
    }

    [HttpGet]
    public async Task<IActionResult> Typing(string? returnUrl, bool stepUp)
    {
        var user = await UserWithMethodAsync(SecondFactorMethodNames.Typing);
        if (user is null)
        {
            return RedirectToAction(nameof(Index), new { returnUrl, stepUp });
        }
        return View(new TypingChallengeViewModel { ReturnUrl = returnUrl, StepUp = stepUp, Phrase = typing.Phrase });
    }

    [HttpPost]
    public async Task<IActionResult> Typing(TypingChallengeViewModel model)
    {
        var user = await UserWithMethodAsync(SecondFactorMethodNames.Typing);
        if (user is null)
        {
            return RedirectToAction(nameof(Index), new { model.ReturnUrl, model.StepUp });
        }
        ModelState.Clear();
        var outcome = await challenge.VerifyAsync(user, SecondFactorMethodNames.Typing, model.Pattern ?? "", model.RememberBrowser);
        if (outcome == ChallengeOutcome.Verified)
        {
            return LocalRedirect(Url.LocalOrHome(model.ReturnUrl));
        }
        if (!await typing.IsUsableAsync(user.Id))
        {
            TempData["Status"] = typing.LastMessage ?? "Typing sign-in is locked. Use another method.";
            return RedirectToAction(nameof(Index), new { model.ReturnUrl, model.StepUp });
        }
        model.Pattern = null;
        model.Phrase = typing.Phrase;
        model.Message = outcome == ChallengeOutcome.LockedOut ? LockedOutMessage : typing.LastMessage;
        return View(model);
    }

    /// <summary>For the waiting page's script: has this session's link been approved elsewhere yet?</summary>
    [HttpGet]
    public async Task<IActionResult> EmailStatus() => Json(new { approved = (await magicLinks.PendingAsync())?.Approved == true });

    [HttpGet]
    public Task<IActionResult> Recovery(string? returnUrl, bool stepUp) =>
        ShowAsync(SecondFactorMethodNames.Recovery, new CodeViewModel { ReturnUrl = returnUrl, StepUp = stepUp });

    [HttpPost]
    public Task<IActionResult> Recovery(CodeViewModel model) => VerifyAsync(SecondFactorMethodNames.Recovery, model,
        () => "That recovery code didn't work. Each code works once; check it against your saved list.");

    private async Task<IActionResult> ShowAsync(string method, CodeViewModel model)
    {
        var user = await UserWithMethodAsync(method);
        if (user is null)
        {
            return RedirectToAction(nameof(Index), new { model.ReturnUrl, model.StepUp });
        }
        return View(model);
    }

    private async Task<IActionResult> VerifyAsync(string method, CodeViewModel model, Func<string> invalidMessage)
    {
        var user = await UserWithMethodAsync(method);
        if (user is null)
        {
            return RedirectToAction(nameof(Index), new { model.ReturnUrl, model.StepUp });
        }
        var found = enrolledMethods.Find(method)!;
        // The typed code is never shown again, right or wrong; unparseable flags fall back to their defaults
        // (re-rendering a checkbox from a garbage attempted value would throw).
        ModelState.Clear();
        var code = model.Code;
        model.Code = null;
        if (string.IsNullOrWhiteSpace(code))
        {
            ModelState.AddModelError(nameof(CodeViewModel.Code), "Enter the code.");
            return await RedisplayAsync(user, model);
        }
        if (code.Length > 64 || !found.IsWellFormed(VerificationCode.Normalize(code)))
        {
            ModelState.AddModelError(nameof(CodeViewModel.Code), found.FormatMessage);
            return await RedisplayAsync(user, model);
        }
        var outcome = await challenge.VerifyAsync(user, method, code, model.RememberBrowser);
        switch (outcome)
        {
            case ChallengeOutcome.Verified:
                if (method == SecondFactorMethodNames.Recovery)
                {
                    var left = await recoveryCodes.CountRemainingAsync(user.Id);
                    TempData["Status"] = left <= 3
                        ? $"You used a recovery code; {left} left. Generate new ones on the Security page."
                        : $"You used a recovery code; {left} left.";
                }
                return LocalRedirect(Url.LocalOrHome(model.ReturnUrl));
            case ChallengeOutcome.LockedOut:
                ModelState.AddModelError(nameof(CodeViewModel.Code), LockedOutMessage);
                return await RedisplayAsync(user, model);
            default:
                ModelState.AddModelError(nameof(CodeViewModel.Code), invalidMessage());
                return await RedisplayAsync(user, model);
        }
    }

    private async Task<IActionResult> RedisplayAsync(ApplicationUser user, CodeViewModel model) =>
        model is SmsChallengeViewModel smsModel ? View(await SmsPageAsync(user, smsModel)) : View(model);

    private async Task<SmsChallengeViewModel> SmsPageAsync(ApplicationUser user, SmsChallengeViewModel model)
    {
        var pending = await sms.PendingAsync(SmsPurposes.SignIn);
        model.MaskedPhone = PhoneNumberParser.Mask(user.PhoneNumber!);
        model.SentAt = pending?.SentAt;
        model.NextSendAt = pending?.NextSendAt > clock.GetUtcNow() ? pending.NextSendAt : null;
        return model;
    }

    private async Task<EmailChallengeViewModel> EmailPageAsync(ApplicationUser user, EmailChallengeViewModel model)
    {
        var pending = await magicLinks.PendingAsync();
        model.MaskedEmail = MagicLinkService.MaskEmail(user.Email!);
        model.SentAt = pending?.SentAt;
        model.Approved = pending?.Approved == true;
        return model;
    }

    /// <summary>The signed-in user when <paramref name="method"/> is theirs to use now; null sends them back to the list.</summary>
    private async Task<ApplicationUser?> UserWithMethodAsync(string method) =>
        await users.GetUserAsync(User) is { } user && enrolledMethods.Find(method) is { } found && await found.IsAvailableAsync(user)
            ? user
            : null;
}

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.SignIn;

namespace TwoFactorDemo.Web.Methods.EmailLink;

/// <summary>/TwoFactor/Email: send a link, then wait here until it is approved (in this browser or another).</summary>
[Route("TwoFactor/Email")]
public class EmailLinkChallengeController(
    UserManager<ApplicationUser> users,
    EnrolledMethods methods,
    SecondFactorChallenge challenge,
    MagicLinkService magicLinks) : ChallengeController(users, methods, challenge)
{
    protected override string MethodName => EmailLinkMethod.MethodName;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? returnUrl, bool stepUp) =>
        await UserWithMethodAsync() is { } user
            ? await PageAsync(user, new EmailChallengeViewModel { ReturnUrl = returnUrl, StepUp = stepUp })
            : BackToMethods(returnUrl, stepUp);

    /// <summary>Sends a link (Send=email), or completes once the link was approved from another browser.</summary>
    [HttpPost("")]
    public async Task<IActionResult> Index(EmailChallengeViewModel model)
    {
        if (await UserWithMethodAsync() is not { } user)
        {
            return BackToMethods(model.ReturnUrl, model.StepUp);
        }
        ModelState.Clear();
        if (model.Send == "email")
        {
            var (sent, message) = await magicLinks.SendAsync(user, Url.LocalOrHome(model.ReturnUrl));
            if (sent)
            {
                TempData["Status"] = message;
                return RedirectToAction(nameof(Index), new { model.ReturnUrl, model.StepUp });
            }
            model.Message = message;
            model.MessageIsError = true;
            Response.StatusCode = StatusCodes.Status429TooManyRequests; // the only refusal left: the send limit
            return await PageAsync(user, model);
        }
        var result = await VerifyAsync(user, MagicLinkService.ApprovedElsewhere, model.RememberBrowser);
        if (result.Succeeded)
        {
            return Continue(model.ReturnUrl);
        }
        model.Message = result.Message;
        model.MessageIsError = true;
        return await PageAsync(user, model);
    }

    /// <summary>For the waiting page's script: has this session's link been approved elsewhere yet?</summary>
    [HttpGet("/TwoFactor/EmailStatus")]
    public async Task<IActionResult> Status() => await magicLinks.PendingAsync() is { } pending
        ? Json(new { approved = pending.Approved, delivery = pending.Delivery.ToString().ToLowerInvariant() })
        : Json(new { approved = false, delivery = "none" });

    private async Task<IActionResult> PageAsync(ApplicationUser user, EmailChallengeViewModel model)
    {
        var pending = await magicLinks.PendingAsync();
        model.MaskedEmail = ContactMasks.Email(user.Email!);
        model.SentAt = pending?.SentAt;
        model.Approved = pending?.Approved == true;
        model.Delivery = pending?.Delivery ?? TwoFactorDemo.Web.Outbox.OutboxDelivery.Sending;
        return View(nameof(Index), model);
    }
}

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
        AlreadyDone(stepUp) ? Continue(returnUrl)
        : await UserWithMethodAsync() is { } user
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
                TempData.SetStatus(message);
                return RedirectToAction(nameof(Index), new { model.ReturnUrl, model.StepUp });
            }
            model.Message = message;
            model.MessageIsError = true;
            Response.StatusCode = StatusCodes.Status429TooManyRequests; // the only refusal left: the send limit
            return await PageAsync(user, model);
        }
        if (AlreadyDone(model.StepUp, model.SinceTime))
        {
            return Continue(model.ReturnUrl); // the link was opened in another tab of this browser
        }
        var result = await VerifyAsync(user, MagicLinkService.ApprovedElsewhere, model.RememberBrowser, model.StepUp);
        if (result.Succeeded)
        {
            return Continue(model.ReturnUrl);
        }
        model.Message = result.Message;
        model.MessageIsError = true;
        return await PageAsync(user, model);
    }

    /// <summary>
    /// For the waiting page's script: has this session's link been approved elsewhere yet, or opened in another tab of
    /// this browser (<paramref name="stepUp"/> and <paramref name="since"/>: the page's, see <see cref="ChallengeController.AlreadyDone"/>)?
    /// </summary>
    [HttpGet("/TwoFactor/EmailStatus")]
    public async Task<IActionResult> Status(bool stepUp, long? since) =>
        AlreadyDone(stepUp, EmailChallengeViewModel.FromUnixSeconds(since)) ? Json(new { approved = true, delivery = "sent" })
        : await magicLinks.PendingAsync() is { } pending
            ? Json(new { approved = pending.Approved, delivery = pending.Delivery.ToString().ToLowerInvariant() })
            : Json(new { approved = false, delivery = "none" });

    private async Task<IActionResult> PageAsync(ApplicationUser user, EmailChallengeViewModel model)
    {
        var pending = await magicLinks.PendingAsync();
        model.MaskedEmail = ContactMasks.Email(user.Email!);
        model.SentAt = pending?.SentAt;
        model.MatchNumber = pending?.MatchNumber;
        model.Approved = pending?.Approved == true;
        model.Delivery = pending?.Delivery ?? TwoFactorDemo.Web.Outbox.OutboxDelivery.Sending;
        return View(nameof(Index), model);
    }
}

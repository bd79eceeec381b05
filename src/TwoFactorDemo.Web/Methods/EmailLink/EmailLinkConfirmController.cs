using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Methods;
using TwoFactorDemo.Web.SignIn;

namespace TwoFactorDemo.Web.Methods.EmailLink;

/// <summary>
/// Where the mailed link lands. GET only shows a button (link scanners and previews must not spend it);
/// the POST completes the sign-in in the browser that asked, or approves it from any other browser.
/// </summary>
[AllowAnonymous]
[Route("TwoFactor/Email/Confirm")]
public class EmailLinkConfirmController(
    MagicLinkService magicLinks,
    SecondFactorChallenge challenge,
    EnrolledMethods methods,
    UserManager<ApplicationUser> users) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Confirm(string? token) => View(await PageAsync(token, message: null));

    /// <summary>The button (and, from another browser, the number typed: <paramref name="number"/>).</summary>
    [HttpPost("")]
    public async Task<IActionResult> ConfirmPost(string? token, string? number)
    {
        var picked = int.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
        var result = await magicLinks.ConfirmAsync(token, picked);
        if (result.Outcome == MagicLinkConfirmOutcome.PickNumber)
        {
            return View("Confirm", await PageAsync(token, result.Message));
        }
        if (result.Outcome == MagicLinkConfirmOutcome.SameSession && await users.FindByIdAsync(result.UserId!) is { } user)
        {
            var verified = await challenge.VerifyAsync(user, methods.Find(EmailLinkMethod.MethodName)!, token!, rememberBrowser: false);
            if (verified.Succeeded)
            {
                return LocalRedirect(Url.LocalOrHome(result.ReturnUrl));
            }
            return View("Confirm", new MagicLinkConfirmViewModel
            {
                State = MagicLinkState.Invalid,
                Message = verified.Outcome == ChallengeOutcome.LockedOut ? verified.Message : magicLinks.Explain(MagicLinkState.Used),
            });
        }
        return View("Confirm", new MagicLinkConfirmViewModel
        {
            State = result.Outcome == MagicLinkConfirmOutcome.ApprovedElsewhere ? MagicLinkState.Used : MagicLinkState.Invalid,
            Approved = result.Outcome == MagicLinkConfirmOutcome.ApprovedElsewhere,
            Message = result.Message,
        });
    }

    private async Task<MagicLinkConfirmViewModel> PageAsync(string? token, string? message)
    {
        var (state, request) = await magicLinks.InspectAsync(token);
        return new MagicLinkConfirmViewModel
        {
            Token = state == MagicLinkState.Valid ? token : null,
            State = state,
            Request = request,
            Message = state == MagicLinkState.Valid ? message : magicLinks.Explain(state),
        };
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.SignIn;

namespace TwoFactorDemo.Web.Methods.Typing;

/// <summary>
/// /TwoFactor/Typing: type the phrase; after a refusal a sign-in link is one click away, and after three misses typing
/// locks and the user picks another method. Never for step-up: typing is a weaker factor.
/// </summary>
[Route("TwoFactor/Typing")]
public class TypingChallengeController(
    UserManager<ApplicationUser> users,
    EnrolledMethods methods,
    SecondFactorChallenge challenge,
    TypingProfiles typing,
    IEnumerable<ISignInLinkSender> linkSenders) : ChallengeController(users, methods, challenge)
{
    protected override string MethodName => TypingMethod.MethodName;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? returnUrl, bool stepUp) =>
        stepUp || await UserWithMethodAsync() is null
            ? BackToMethods(returnUrl, stepUp)
            : View(new TypingChallengeViewModel { ReturnUrl = returnUrl, StepUp = stepUp, Phrase = typing.Phrase });

    [HttpPost("")]
    public async Task<IActionResult> Index(TypingChallengeViewModel model)
    {
        if (model.StepUp || await UserWithMethodAsync() is not { } user)
        {
            return BackToMethods(model.ReturnUrl, model.StepUp);
        }
        ModelState.Clear();
        var result = await VerifyAsync(user, model.Pattern ?? "", model.RememberBrowser, stepUp: false);
        if (result.Succeeded)
        {
            return Continue(model.ReturnUrl);
        }
        if (!await Method.IsAvailableAsync(user))
        {
            TempData.SetStatus(result.MethodMessage is { Length: > 0 } why ? why : result.Message);
            return BackToMethods(model.ReturnUrl, model.StepUp);
        }
        model.Pattern = null;
        model.Phrase = typing.Phrase;
        model.Message = result.Message;
        if (linkSenders.FirstOrDefault() is { } sender && await sender.LinkAddressAsync(user) is { } address)
        {
            (model.SignInLinkTo, model.SignInLinkPath) = (address, sender.SendPath);
        }
        return View(model);
    }
}

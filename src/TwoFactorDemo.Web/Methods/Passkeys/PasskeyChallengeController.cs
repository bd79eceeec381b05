using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Localization;
using TwoFactorDemo.Web.SignIn;

namespace TwoFactorDemo.Web.Methods.Passkeys;

/// <summary>/TwoFactor/Passkey: after the password (or for a step-up), answer this session's challenge with one of the user's passkeys.</summary>
[Route("TwoFactor/Passkey")]
public class PasskeyChallengeController(
    IStringLocalizer<SharedResource> T,
    UserManager<ApplicationUser> users,
    EnrolledMethods methods,
    SecondFactorChallenge challenge,
    PasskeyCeremonies ceremonies) : ChallengeController(users, methods, challenge)
{
    protected override string MethodName => PasskeyMethod.MethodName;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? returnUrl, bool stepUp) =>
        await UserWithMethodAsync() is null ? BackToMethods(returnUrl, stepUp) : View(new PasskeyFormModel { ReturnUrl = returnUrl, StepUp = stepUp });

    /// <summary>For passkeys.js: the request options for this user's passkeys (the challenge is kept for this session).</summary>
    [HttpPost("Options")]
    public async Task<IActionResult> Options() =>
        await UserWithMethodAsync() is { } user ? Content(await ceremonies.BeginAssertionAsync(user), "application/json") : Forbid();

    [HttpPost("")]
    public async Task<IActionResult> Index(PasskeyFormModel model)
    {
        if (await UserWithMethodAsync() is not { } user)
        {
            return BackToMethods(model.ReturnUrl, model.StepUp);
        }
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(model.Credential))
        {
            return Page(model, T["Press “Use your passkey” and answer your browser's prompt."]);
        }
        var result = await VerifyAsync(user, model.Credential, model.RememberBrowser, model.StepUp);
        return result.Succeeded ? Continue(model.ReturnUrl) : Page(model, result.Message);
    }

    private ViewResult Page(PasskeyFormModel model, string message)
    {
        model.Credential = null;
        model.Message = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Index), model);
    }
}

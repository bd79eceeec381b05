using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.SignIn;

namespace TwoFactorDemo.Web.Methods.Totp;

/// <summary>/TwoFactor/Totp: the code from the authenticator app.</summary>
[Route("TwoFactor/Totp")]
public class TotpChallengeController(UserManager<ApplicationUser> users, EnrolledMethods methods, SecondFactorChallenge challenge)
    : ChallengeController(users, methods, challenge)
{
    protected override string MethodName => TotpMethod.MethodName;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? returnUrl, bool stepUp) =>
        await UserWithMethodAsync() is null ? BackToMethods(returnUrl, stepUp) : View(new CodeViewModel { ReturnUrl = returnUrl, StepUp = stepUp });

    [HttpPost("")]
    public async Task<IActionResult> Index(CodeViewModel model) =>
        await UserWithMethodAsync() is { } user
            ? await VerifyCodeAsync(user, model, page => Task.FromResult<IActionResult>(View(page)))
            : BackToMethods(model.ReturnUrl, model.StepUp);
}

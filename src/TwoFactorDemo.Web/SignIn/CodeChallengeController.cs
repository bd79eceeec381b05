using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Methods;

namespace TwoFactorDemo.Web.SignIn;

/// <summary>
/// The challenge page of a method whose proof is a code the user already has (authenticator app, recovery code): the
/// code form and nothing else. The derived controller names its method and its route, and has an <c>Index</c> view.
/// </summary>
public abstract class CodeChallengeController(UserManager<ApplicationUser> users, EnrolledMethods methods, SecondFactorChallenge challenge)
    : ChallengeController(users, methods, challenge)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? returnUrl, bool stepUp) =>
        await UserWithMethodAsync() is null ? BackToMethods(returnUrl, stepUp) : View(new CodeViewModel { ReturnUrl = returnUrl, StepUp = stepUp });

    [HttpPost("")]
    public async Task<IActionResult> Index(CodeViewModel model) =>
        await UserWithMethodAsync() is { } user
            ? await VerifyCodeAsync(user, model, page => Task.FromResult<IActionResult>(View(page)))
            : BackToMethods(model.ReturnUrl, model.StepUp);
}

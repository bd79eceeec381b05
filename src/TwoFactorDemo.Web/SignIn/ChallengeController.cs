using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using TwoFactorDemo.Web.Authentication;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Localization;
using TwoFactorDemo.Web.Methods;

namespace TwoFactorDemo.Web.SignIn;

/// <summary>
/// What every method's challenge page shares (each lives in its method's folder): reachable after the password, only
/// while the method can be used by this user (else back to the list), and a code form that is checked the same way
/// for every code-based method.
/// </summary>
[Authorize(Policy = AuthorizationPolicies.PasswordSignedIn)]
public abstract class ChallengeController(UserManager<ApplicationUser> users, EnrolledMethods methods, SecondFactorChallenge challenge) : Controller
{
    /// <summary>The <see cref="ISecondFactorMethod.Name"/> this controller verifies.</summary>
    protected abstract string MethodName { get; }

    protected ISecondFactorMethod Method => methods.Find(MethodName)!;

    /// <summary>The resources, for the few sentences this base class writes itself (the rooms' controllers stay as they are).</summary>
    private IStringLocalizer T => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();

    /// <summary>The signed-in user when this method is theirs to use now; null sends them back to the list.</summary>
    protected async Task<ApplicationUser?> UserWithMethodAsync() =>
        await users.GetUserAsync(User) is { } user && await Method.IsAvailableAsync(user) ? user : null;

    protected IActionResult BackToMethods(string? returnUrl, bool stepUp) =>
        RedirectToAction(nameof(TwoFactorController.Index), "TwoFactor", new { returnUrl, stepUp });

    protected IActionResult Continue(string? returnUrl) => LocalRedirect(Url.LocalOrHome(returnUrl));

    /// <summary>
    /// This browser has already done what the page waits for, in another tab: a sign-in challenge whose session is
    /// verified, or a step-up whose session proved a factor at or after <paramref name="since"/> (when the page's link
    /// went out). Such a request continues without checking or counting anything (issue 18, bug 2). Only a redirect: the
    /// page it leads to still applies its own policy.
    /// </summary>
    protected bool AlreadyDone(bool stepUp, DateTimeOffset? since = null) =>
        User.HasSecondFactor() && (!stepUp || (since is { } asked && User.SecondFactorVerifiedAt() >= asked));

    /// <summary>
    /// Checks the proof, unless this browser already finished in another tab (<see cref="AlreadyDone"/>): then nothing is
    /// checked or counted, and the answer is <see cref="ChallengeResult.AlreadyVerified"/>.
    /// </summary>
    protected Task<ChallengeResult> VerifyAsync(ApplicationUser user, string proof, bool rememberBrowser, bool stepUp) =>
        AlreadyDone(stepUp) ? Task.FromResult(ChallengeResult.AlreadyVerified) : challenge.VerifyAsync(user, Method, proof, rememberBrowser);

    /// <summary>
    /// The code form's POST: an empty or malformed code is answered without counting; a well-formed one is checked
    /// (and counted). <paramref name="page"/> renders the form again with its errors.
    /// </summary>
    protected async Task<IActionResult> VerifyCodeAsync<TModel>(ApplicationUser user, TModel model, Func<TModel, Task<IActionResult>> page)
        where TModel : CodeViewModel
    {
        // The typed code is never shown again, right or wrong; unparseable flags fall back to their defaults
        // (re-rendering a checkbox from a garbage attempted value would throw).
        ModelState.Clear();
        if (AlreadyDone(model.StepUp))
        {
            return Continue(model.ReturnUrl);
        }
        var code = model.Code;
        model.Code = null;
        if (string.IsNullOrWhiteSpace(code))
        {
            ModelState.AddModelError(nameof(CodeViewModel.Code), T["Enter the code."]);
            return await page(model);
        }
        if (code.Length > 64 || !Method.IsWellFormed(VerificationCode.Normalize(code)))
        {
            ModelState.AddModelError(nameof(CodeViewModel.Code), Method.FormatMessage);
            return await page(model);
        }
        var result = await VerifyAsync(user, code, model.RememberBrowser, model.StepUp);
        if (result.Succeeded)
        {
            if (result.Outcome == ChallengeOutcome.Verified)
            {
                await VerifiedAsync(user);
            }
            return Continue(model.ReturnUrl);
        }
        ModelState.AddModelError(nameof(CodeViewModel.Code), result.Message);
        return await page(model);
    }

    /// <summary>After a code was accepted, before continuing (recovery codes say how many are left).</summary>
    protected virtual Task VerifiedAsync(ApplicationUser user) => Task.CompletedTask;
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Authentication;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Localization;
using TwoFactorDemo.Web.Methods;
using TwoFactorDemo.Web.SignIn;

namespace TwoFactorDemo.Web.Methods.Typing;

/// <summary>Typing-rhythm enrolment under /Security; turning it off needs step-up.</summary>
[Authorize(Policy = AuthorizationPolicies.SecuritySetup)]
[Route("Security/Typing")]
public class TypingSetupController(
    IStringLocalizer<SharedResource> T,
    UserManager<ApplicationUser> users,
    TypingProfiles typing,
    EnrolledMethods methods,
    SecondFactorSettings settings,
    SecurityEventLog audit,
    IOptions<TypingOptions> options) : Controller
{
    [HttpGet("")]
    [Authorize(Policy = AuthorizationPolicies.RecentSecondFactorIfEnrolled)]
    public async Task<IActionResult> Typing() => View(await PageAsync(await users.GetRequiredUserAsync(User), new TypingEnrolViewModel()));

    [HttpPost("")]
    [Authorize(Policy = AuthorizationPolicies.RecentSecondFactorIfEnrolled)]
    public async Task<IActionResult> AddSample(TypingEnrolViewModel model)
    {
        var user = await users.GetRequiredUserAsync(User);
        TypingResult? result = null;
        // The sample that completes the profile, its audit record and a first method's recovery codes: one commit.
        var codes = await settings.EnableAsync(user, async () =>
        {
            result = await typing.AddEnrolmentSampleAsync(user.Id, model.Pattern);
            if (result.JustEnrolled)
            {
                await audit.WriteAsync(SecurityEventKinds.TypingEnrolled, user.Id);
            }
            return result.JustEnrolled;
        });
        ModelState.Clear();
        if (codes is { Count: > 0 })
        {
            // No proof happened in this session, so it is not upgraded; a first method still gets recovery codes.
            return this.NewRecoveryCodes(codes);
        }
        return View(nameof(Typing), await PageAsync(user, new TypingEnrolViewModel { Message = result!.Message, MessageIsError = !result.Accepted }));
    }

    [HttpGet("Disable")]
    [Authorize(Policy = AuthorizationPolicies.RecentSecondFactor)]
    public IActionResult DisableTyping() => View();

    [HttpPost("Disable")]
    [Authorize(Policy = AuthorizationPolicies.RecentSecondFactor)]
    public async Task<IActionResult> DisableTypingConfirmed()
    {
        var user = await users.GetRequiredUserAsync(User);
        await settings.TurnOffAsync(user, methods.Find(TypingMethod.MethodName)!);
        TempData.SetStatus(T["Your typing profile is deleted."]);
        return Redirect("/Security");
    }

    private async Task<TypingEnrolViewModel> PageAsync(ApplicationUser user, TypingEnrolViewModel model)
    {
        var profile = await typing.FindAsync(user.Id);
        model.Phrase = typing.Phrase;
        model.Samples = TypingProfiles.SampleCount(profile);
        model.Needed = options.Value.EnrolmentSamples;
        model.Enrolled = profile?.Enrolled == true;
        model.Locked = profile?.Locked == true;
        model.Pattern = null;
        return model;
    }
}

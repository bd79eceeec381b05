using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TwoFactorDemo.Web.Account;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Authentication;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Hosting;
using TwoFactorDemo.Web.Methods.EmailLink;
using TwoFactorDemo.Web.Methods.RecoveryCodes;
using TwoFactorDemo.Web.Methods.Sms;
using TwoFactorDemo.Web.Methods.Totp;
using TwoFactorDemo.Web.Methods;
using TwoFactorDemo.Web.Sending;
using TwoFactorDemo.Web.SignIn;
using TwoFactorDemo.Web.ViewModels.Security;

namespace TwoFactorDemo.Web.Methods.Typing;

/// <summary>Typing-rhythm enrolment under /Security; turning it off needs step-up.</summary>
[Authorize(Policy = AuthorizationPolicies.SecuritySetup)]
[Route("Security/Typing")]
public class TypingSetupController(
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
        var firstMethod = !await settings.HasMethodAsync(user);
        var result = await typing.AddEnrolmentSampleAsync(user.Id, model.Pattern);
        ModelState.Clear();
        if (result.JustEnrolled)
        {
            await audit.WriteAsync(SecurityEventKinds.TypingEnrolled, user.Id);
            // No proof happened in this session, so it is not upgraded; a first method still gets recovery codes.
            var codes = await settings.MethodAddedAsync(user, firstMethod);
            if (codes.Count > 0)
            {
                return this.NewRecoveryCodes(codes);
            }
        }
        return View(nameof(Typing), await PageAsync(user, new TypingEnrolViewModel { Message = result.Message, MessageIsError = !result.Accepted }));
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
        TempData["Status"] = "Your typing profile is deleted.";
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

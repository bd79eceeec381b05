using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Localization;
using TwoFactorDemo.Web.SignIn;

namespace TwoFactorDemo.Web.Methods.RecoveryCodes;

/// <summary>/TwoFactor/Recovery: one of the saved codes; afterwards the user is told how many are left.</summary>
[Route("TwoFactor/Recovery")]
public class RecoveryCodeChallengeController(
    IStringLocalizer<SharedResource> T,
    UserManager<ApplicationUser> users,
    EnrolledMethods methods,
    SecondFactorChallenge challenge,
    RecoveryCodeService recoveryCodes) : CodeChallengeController(users, methods, challenge)
{
    protected override string MethodName => RecoveryCodeMethod.MethodName;

    protected override async Task VerifiedAsync(ApplicationUser user)
    {
        var left = await recoveryCodes.CountRemainingAsync(user.Id);
        TempData.SetStatus(left <= 3
            ? T["You used a recovery code; {0} left. Generate new ones on the Security page.", left]
            : T["You used a recovery code; {0} left.", left]);
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.SignIn;

namespace TwoFactorDemo.Web.Methods.Totp;

/// <summary>/TwoFactor/Totp: the code from the authenticator app.</summary>
[Route("TwoFactor/Totp")]
public class TotpChallengeController(UserManager<ApplicationUser> users, EnrolledMethods methods, SecondFactorChallenge challenge)
    : CodeChallengeController(users, methods, challenge)
{
    protected override string MethodName => TotpMethod.MethodName;
}

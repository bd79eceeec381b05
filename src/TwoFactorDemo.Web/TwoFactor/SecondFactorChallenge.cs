using Microsoft.AspNetCore.Identity;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Authentication;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.TwoFactor.Typing;

namespace TwoFactorDemo.Web.TwoFactor;

/// <summary>
/// The one place every method's proof is checked: lockout first, then the method's token provider, then a
/// new session with the claim. Every failure counts toward Identity lockout.
/// </summary>
public sealed class SecondFactorChallenge(
    UserManager<ApplicationUser> users,
    SecondFactorSignIn signIn,
    TypingProfiles typing,
    SecurityEventLog audit)
{
    public async Task<ChallengeOutcome> VerifyAsync(ApplicationUser user, string method, string proof, bool rememberBrowser)
    {
        if (await users.IsLockedOutAsync(user))
        {
            await audit.WriteAsync(SecurityEventKinds.SecondFactorFailed, user.Id, $"{method}: locked out");
            return ChallengeOutcome.LockedOut;
        }
        if (!await users.VerifyTwoFactorTokenAsync(user, method, proof))
        {
            await users.AccessFailedAsync(user);
            var locked = await users.IsLockedOutAsync(user);
            await audit.WriteAsync(locked ? SecurityEventKinds.LockedOut : SecurityEventKinds.SecondFactorFailed, user.Id, method);
            return locked ? ChallengeOutcome.LockedOut : ChallengeOutcome.Invalid;
        }
        await users.ResetAccessFailedCountAsync(user);
        if (method != SecondFactorMethodNames.Typing)
        {
            await typing.ResetLockAsync(user.Id); // typing stays locked until another method succeeds
        }
        await signIn.CompleteSecondFactorAsync(user, method, rememberBrowser);
        await audit.WriteAsync(SecurityEventKinds.SecondFactorVerified, user.Id, rememberBrowser ? $"{method}, browser remembered" : method);
        return ChallengeOutcome.Verified;
    }
}

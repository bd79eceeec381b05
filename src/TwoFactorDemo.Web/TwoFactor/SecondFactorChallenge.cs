using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Authentication;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.TwoFactor.Typing;

namespace TwoFactorDemo.Web.TwoFactor;

/// <summary>
/// The one place every method's proof is checked: lockout first, then the method's token provider, then a
/// new session with the claim. Every failure counts toward Identity lockout. The writes (the spent code, the count,
/// the new session, the audit record) are one commit.
/// </summary>
public sealed class SecondFactorChallenge(
    UserManager<ApplicationUser> users,
    SecondFactorSignIn signIn,
    TypingProfiles typing,
    SecurityEventLog audit,
    EnrolledMethods methods,
    AppDbContext db)
{
    public async Task<ChallengeOutcome> VerifyAsync(ApplicationUser user, string method, string proof, bool rememberBrowser)
    {
        if (await users.IsLockedOutAsync(user))
        {
            await audit.WriteAsync(SecurityEventKinds.SecondFactorFailed, user.Id, $"{method}: locked out");
            return ChallengeOutcome.LockedOut;
        }
        // What the sign-in reads comes first: the commit below holds the database's write lock.
        var principal = await signIn.SecondFactorPrincipalAsync(user, method);
        var unlockTyping = method != SecondFactorMethodNames.Typing && await typing.NeedsLockResetAsync(user.Id); // typing stays locked until another method succeeds
        Task<ChallengeOutcome> Record(bool proved) => proved ? SucceedAsync(user, method, principal, unlockTyping, rememberBrowser) : FailAsync(user, method);

        if (methods.All.FirstOrDefault(m => m.Name == method) is { ChecksProofLocally: true })
        {
            // The proof is spent (the provider's conditional UPDATE) in the same commit as the new session and the audit record.
            return await db.InOneCommitAsync(async () => await Record(await users.VerifyTwoFactorTokenAsync(user, method, proof)));
        }
        // Another service checks this proof: ask it before the commit, not while holding the write lock.
        var provedElsewhere = await users.VerifyTwoFactorTokenAsync(user, method, proof);
        return await db.InOneCommitAsync(() => Record(provedElsewhere));
    }

    private async Task<ChallengeOutcome> FailAsync(ApplicationUser user, string method)
    {
        await users.AccessFailedAsync(user);
        var locked = await users.IsLockedOutAsync(user);
        await audit.WriteAsync(locked ? SecurityEventKinds.LockedOut : SecurityEventKinds.SecondFactorFailed, user.Id, method);
        return locked ? ChallengeOutcome.LockedOut : ChallengeOutcome.Invalid;
    }

    private async Task<ChallengeOutcome> SucceedAsync(ApplicationUser user, string method, ClaimsPrincipal principal, bool unlockTyping, bool rememberBrowser)
    {
        await users.ResetAccessFailedCountAsync(user);
        if (unlockTyping)
        {
            await typing.ResetLockAsync(user.Id);
        }
        await signIn.IssueAsync(user, principal, rememberBrowser);
        await audit.WriteAsync(SecurityEventKinds.SecondFactorVerified, user.Id, rememberBrowser ? $"{method}, browser remembered" : method);
        return ChallengeOutcome.Verified;
    }
}

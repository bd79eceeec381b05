using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Authentication;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.TwoFactor;

/// <summary>
/// The one place every method's proof is checked: the attempt is counted first (refused when the account is
/// locked), then the method's token provider, then a new session with the claim. Every attempt counts toward
/// lockout until a right one clears the count. The writes (the spent code, the count,
/// the new session, the audit record) are one commit.
/// </summary>
public sealed class SecondFactorChallenge(
    UserManager<ApplicationUser> users,
    SecondFactorSignIn signIn,
    SecurityEventLog audit,
    EnrolledMethods methods,
    SignInAttempts attempts,
    AppDbContext db)
{
    public async Task<ChallengeOutcome> VerifyAsync(ApplicationUser user, string method, string proof, bool rememberBrowser)
    {
        // What the sign-in reads comes first: the commit below holds the database's write lock.
        var principal = await signIn.SecondFactorPrincipalAsync(user, method);

        if (methods.All.FirstOrDefault(m => m.Name == method) is { ChecksProofLocally: true })
        {
            // Counted, checked (the provider's conditional UPDATE spends the proof) and recorded in one commit.
            return await db.InOneCommitAsync(async () => await attempts.CountAsync(user) is { } ticket
                ? await RecordAsync(user, method, ticket, await users.VerifyTwoFactorTokenAsync(user, method, proof), principal, rememberBrowser)
                : await RefuseLockedAsync(user, method));
        }
        // Another service checks this proof: the attempt is counted in its own commit first, the service is asked
        // outside any commit (never while holding the write lock), and the outcome is recorded in a second commit.
        if (await db.InOneCommitAsync(() => attempts.CountAsync(user)) is not { } counted)
        {
            return await RefuseLockedAsync(user, method);
        }
        var provedElsewhere = await users.VerifyTwoFactorTokenAsync(user, method, proof);
        return await db.InOneCommitAsync(() => RecordAsync(user, method, counted, provedElsewhere, principal, rememberBrowser));
    }

    private async Task<ChallengeOutcome> RefuseLockedAsync(ApplicationUser user, string method)
    {
        await audit.WriteAsync(SecurityEventKinds.SecondFactorFailed, user.Id, $"{method}: locked out");
        return ChallengeOutcome.LockedOut;
    }

    private async Task<ChallengeOutcome> RecordAsync(
        ApplicationUser user, string method, AttemptTicket ticket, bool proved, ClaimsPrincipal principal, bool rememberBrowser)
    {
        if (!proved)
        {
            await audit.WriteAsync(ticket.LockedAccount ? SecurityEventKinds.LockedOut : SecurityEventKinds.SecondFactorFailed, user.Id, method);
            return ticket.LockedAccount ? ChallengeOutcome.LockedOut : ChallengeOutcome.Invalid;
        }
        if (!await attempts.SucceededAsync(user, ticket))
        {
            return await RefuseLockedAsync(user, method);
        }
        foreach (var other in methods.All.Where(m => m.Name != method))
        {
            await other.OtherMethodSucceededAsync(user); // e.g. a locked typing profile is trusted again
        }
        await signIn.IssueAsync(user, principal, rememberBrowser);
        await audit.WriteAsync(SecurityEventKinds.SecondFactorVerified, user.Id, rememberBrowser ? $"{method}, browser remembered" : method);
        return ChallengeOutcome.Verified;
    }
}

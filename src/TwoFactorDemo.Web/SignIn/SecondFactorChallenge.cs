using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Localization;
using TwoFactorDemo.Web.Methods;
using TwoFactorDemo.Web.Sessions;

namespace TwoFactorDemo.Web.SignIn;

/// <summary>
/// The one place every method's proof is checked: the attempt is counted first (refused when the account is
/// locked), then the method checks the proof, then a new session with the claim. Every attempt counts toward
/// lockout until a right one clears the count. The writes (the spent code, the count,
/// the new session, the audit record) are one commit.
/// </summary>
public sealed class SecondFactorChallenge(
    IStringLocalizer<SharedResource> T,
    SecondFactorSignIn signIn,
    SecurityEventLog audit,
    EnrolledMethods methods,
    SignInAttempts attempts,
    IHttpContextAccessor http,
    AppDbContext db,
    TimeProvider clock)
{
    public async Task<ChallengeResult> VerifyAsync(ApplicationUser user, ISecondFactorMethod method, string proof, bool rememberBrowser)
    {
        // What the sign-in reads comes first: the commit below holds the database's write lock.
        var principal = await signIn.SecondFactorPrincipalAsync(user, method.Name);

        if (method.ChecksProofLocally)
        {
            // Counted, checked (the method's conditional UPDATE spends the proof) and recorded in one commit; first of all,
            // this session must still be the one that asked: two tabs sending two recovery codes spend one (issue 18, bug 6).
            return await db.InOneCommitAsync(async () =>
                !await SessionStillWaitingAsync() ? ChallengeResult.AlreadyVerified
                : await attempts.CountAsync(user) is { } ticket
                    ? await RecordAsync(user, method, ticket, await method.CheckAsync(user, proof), principal, rememberBrowser)
                    : await RefuseLockedAsync(user, method));
        }
        // Another service checks this proof: the attempt is counted in its own commit first, the service is asked
        // outside any commit (never while holding the write lock), and the outcome is recorded in a second commit.
        if (!await SessionStillWaitingAsync())
        {
            return ChallengeResult.AlreadyVerified;
        }
        if (await db.InOneCommitAsync(() => attempts.CountAsync(user)) is not { } counted)
        {
            return await RefuseLockedAsync(user, method);
        }
        var checkedElsewhere = await method.CheckAsync(user, proof);
        return await db.InOneCommitAsync(async () => await SessionStillWaitingAsync()
            ? await RecordAsync(user, method, counted, checkedElsewhere, principal, rememberBrowser)
            : ChallengeResult.AlreadyVerified);
    }

    /// <summary>
    /// The session this request came with still exists: a verified sign-in replaces it with a new one, so when it is gone
    /// another request of this browser (a second tab) has just verified it. Inside a commit this is read under the write lock.
    /// </summary>
    private async Task<bool> SessionStillWaitingAsync() =>
        http.HttpContext?.User.StoredSessionKey() is not { } key || await db.UserSessions.AnyAsync(s => s.Key == key);

    private async Task<ChallengeResult> RefuseLockedAsync(ApplicationUser user, ISecondFactorMethod method)
    {
        await audit.WriteAsync(SecurityEventKinds.SecondFactorFailed, user.Id, $"{method.Name}: locked out");
        return await LockedUntilAsync(user);
    }

    /// <summary>The lockout, saying when it ends (read again: the count was changed by a statement, not on this entity).</summary>
    private async Task<ChallengeResult> LockedUntilAsync(ApplicationUser user) =>
        ChallengeResult.LockedUntil(await db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleOrDefaultAsync(), clock.GetUtcNow(), T);

    private async Task<ChallengeResult> RecordAsync(
        ApplicationUser user, ISecondFactorMethod method, AttemptTicket ticket, ProofCheck check, ClaimsPrincipal principal, bool rememberBrowser)
    {
        if (check.NotChecked)
        {
            // The checking service was down: no guess was tried, so this attempt's count is taken back (issue 17).
            await attempts.WithdrawAsync(user, ticket);
            await audit.WriteAsync(SecurityEventKinds.SecondFactorFailed, user.Id, $"{method.Name}: not checked, the provider could not be reached");
            return new ChallengeResult(ChallengeOutcome.Invalid, check.Message, check.Message);
        }
        if (!check.Proved)
        {
            await audit.WriteAsync(ticket.LockedAccount ? SecurityEventKinds.LockedOut : SecurityEventKinds.SecondFactorFailed, user.Id, method.Name);
            return ticket.LockedAccount
                ? await LockedUntilAsync(user) with { MethodMessage = check.Message }
                : new ChallengeResult(ChallengeOutcome.Invalid, check.Message, check.Message);
        }
        if (!await attempts.SucceededAsync(user, ticket))
        {
            return await RefuseLockedAsync(user, method);
        }
        foreach (var other in methods.All.Where(m => m.Name != method.Name))
        {
            await other.OtherMethodSucceededAsync(user); // e.g. a locked typing profile is trusted again
        }
        await signIn.IssueAsync(user, principal, rememberBrowser);
        await audit.WriteAsync(SecurityEventKinds.SecondFactorVerified, user.Id, rememberBrowser ? $"{method.Name}, browser remembered" : method.Name);
        return ChallengeResult.Verified;
    }
}

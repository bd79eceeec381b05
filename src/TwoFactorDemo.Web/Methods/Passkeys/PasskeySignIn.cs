using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.SignIn;

namespace TwoFactorDemo.Web.Methods.Passkeys;

/// <summary>
/// Passwordless sign-in. The attempt is counted against the account the answer names before anything is verified, as
/// a password is (a locked account is refused unchecked). A verified answer with user verification (PIN or biometric on
/// the authenticator) proves two factors, possession and the person: the session is verified (<c>tfd:2fa = passkey</c>).
/// Without user verification it counts as the first step only, and the second factor is asked next.
/// </summary>
public sealed class PasskeySignIn(
    PasskeyCeremonies ceremonies,
    SignInAttempts attempts,
    SecondFactorSignIn signIn,
    PasswordLogin passwordLogin,
    SecurityEventLog audit,
    AppDbContext db)
{
    public async Task<PasskeySignInResult> SignInAsync(string? credentialJson)
    {
        if (await ceremonies.ClaimedUserAsync(credentialJson) is not { } claimed)
        {
            await audit.WriteAsync(SecurityEventKinds.PasskeyFailed, null, "sign-in: unknown passkey");
            return PasskeySignInResult.Failed;
        }
        // Reads first (a commit holds the write lock). Which session to issue depends on the UV flag, read here from the
        // answer before it is verified; the signature check in the commit below proves those very bytes, or fails.
        var userVerified = PasskeyCredentialJson.UserVerified(credentialJson!);
        var principal = userVerified
            ? await signIn.SecondFactorPrincipalAsync(claimed, PasskeyMethod.MethodName)
            : await signIn.PasswordPrincipalAsync(claimed);
        // Counted, checked and recorded in one commit, as a code checked here is: a signature check is quick.
        return await db.InOneCommitAsync(async () =>
        {
            if (await attempts.CountAsync(claimed) is not { } ticket)
            {
                await audit.WriteAsync(SecurityEventKinds.PasskeyFailed, claimed.Id, "sign-in: locked out");
                return PasskeySignInResult.Failed;
            }
            var outcome = await ceremonies.CompleteAssertionAsync(null, credentialJson);
            if (!outcome.Succeeded || outcome.User?.Id != claimed.Id)
            {
                await audit.WriteAsync(ticket.LockedAccount ? SecurityEventKinds.LockedOut : SecurityEventKinds.PasskeyFailed, claimed.Id,
                    "sign-in: " + (outcome.Reason ?? "rejected"));
                return PasskeySignInResult.Failed;
            }
            // With user verification both factors are proved: the count clears. Without, this counts as the password
            // did, and only this attempt is taken back; earlier failures stay counted until the second factor.
            var open = userVerified ? await attempts.SucceededAsync(claimed, ticket) : await attempts.WithdrawAsync(claimed, ticket);
            if (!open)
            {
                await audit.WriteAsync(SecurityEventKinds.PasskeyFailed, claimed.Id, "sign-in: locked out");
                return PasskeySignInResult.Failed;
            }
            await passwordLogin.RecordSignInAsync(claimed);
            await signIn.IssueAsync(claimed, principal, rememberBrowser: false);
            await audit.WriteAsync(SecurityEventKinds.PasskeySignedIn, claimed.Id, userVerified ? "user verified" : "without user verification");
            if (userVerified)
            {
                await audit.WriteAsync(SecurityEventKinds.SecondFactorVerified, claimed.Id, PasskeyMethod.MethodName);
            }
            return userVerified ? PasskeySignInResult.Verified : PasskeySignInResult.NeedsSecondFactor;
        });
    }
}

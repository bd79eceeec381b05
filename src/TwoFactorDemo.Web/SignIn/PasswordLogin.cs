using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Authentication;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Methods;

namespace TwoFactorDemo.Web.SignIn;

/// <summary>
/// The password step. Unknown emails, wrong passwords and locked accounts look the same from outside: one
/// answer, and a password hash is verified in each case so the timing matches too.
/// </summary>
/// <remarks>
/// Not <c>SignInManager.CheckPasswordSignInAsync</c>: it resets the failure count on every correct password
/// unless Identity's own <c>TwoFactorEnabled</c> flag is set, so a caller who knows the password could guess
/// four codes, sign in again, and guess four more, for ever. Here the count resets only when no second
/// factor follows (no method enrolled, or a remembered browser); otherwise only a proved factor resets it.
/// Every attempt is counted before its password is checked (<see cref="SignInAttempts"/>).
/// </remarks>
public sealed class PasswordLogin(
    UserManager<ApplicationUser> users,
    EnrolledMethods enrolledMethods,
    SecondFactorSignIn secondFactor,
    SignInAttempts attempts,
    TimeProvider clock,
    SecurityEventLog audit,
    AppDbContext db)
{
    // A real hash of a random password, made once, so an unknown email costs the same as a known one.
    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), Guid.NewGuid().ToString()));

    public async Task<PasswordSignInResult> SignInAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email);
        // The attempt is counted before the password is checked, so parallel guesses cannot outrun the lockout.
        var ticket = user is null ? null : await db.InOneCommitAsync(() => attempts.CountAsync(user));
        if (user is null || ticket is null)
        {
            users.PasswordHasher.VerifyHashedPassword(user ?? new ApplicationUser(), DummyHash.Value, password);
            await audit.WriteAsync(SecurityEventKinds.PasswordFailed, user?.Id, user is null ? "unknown email" : "locked out");
            return PasswordSignInResult.Failed;
        }
        // Hashing and reading come between the two commits: a commit holds the write lock.
        if (!await users.CheckPasswordAsync(user, password))
        {
            await audit.WriteAsync(ticket.LockedAccount ? SecurityEventKinds.LockedOut : SecurityEventKinds.PasswordFailed, user.Id, "wrong password");
            return PasswordSignInResult.Failed;
        }
        var remembered = await secondFactor.IsBrowserRememberedAsync(user);
        var noSecondFactorFollows = remembered || !await enrolledMethods.HasPrimaryAsync(user);
        var principal = remembered
            ? await secondFactor.SecondFactorPrincipalAsync(user, SecondFactorMethodNames.Remembered)
            : await secondFactor.PasswordPrincipalAsync(user);
        return await db.InOneCommitAsync(() => SucceedAsync(user, ticket, principal, remembered, noSecondFactorFollows));
    }

    private async Task<PasswordSignInResult> SucceedAsync(
        ApplicationUser user, AttemptTicket ticket, ClaimsPrincipal principal, bool remembered, bool noSecondFactorFollows)
    {
        // With a second factor to come, only this attempt's count is taken back: earlier wrong codes stay counted.
        var stillOpen = noSecondFactorFollows ? await attempts.SucceededAsync(user, ticket) : await attempts.WithdrawAsync(user, ticket);
        if (!stillOpen)
        {
            await audit.WriteAsync(SecurityEventKinds.PasswordFailed, user.Id, "locked out");
            return PasswordSignInResult.Failed;
        }
        await RecordSignInAsync(user);
        await secondFactor.IssueAsync(user, principal, rememberBrowser: false);
        await audit.WriteAsync(remembered ? SecurityEventKinds.BrowserRemembered : SecurityEventKinds.PasswordSignIn, user.Id);
        return remembered ? PasswordSignInResult.BrowserRemembered : PasswordSignInResult.NeedsSecondFactor;
    }

    /// <summary>
    /// Stamps the user's last sign-in (also for a passwordless one). One targeted UPDATE: <c>UserManager.UpdateAsync</c> would re-validate the whole user (two more queries),
    /// rewrite every column and change the concurrency stamp under a parallel request of the same user.
    /// </summary>
    public async Task RecordSignInAsync(ApplicationUser user)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var stamp = Guid.NewGuid().ToString(); // a stale UpdateAsync elsewhere must fail, not write older columns back
        await db.Users.Where(u => u.Id == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInAt, now).SetProperty(u => u.ConcurrencyStamp, stamp));
        db.SetStored(user, u => u.LastSignInAt, now);
        db.SetStored(user, u => u.ConcurrencyStamp, stamp);
    }
}

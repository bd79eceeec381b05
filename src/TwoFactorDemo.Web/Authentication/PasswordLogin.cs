using Microsoft.AspNetCore.Identity;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.Authentication;

/// <summary>
/// The password step. Unknown emails, wrong passwords and locked accounts look the same from outside: one
/// answer, and a password hash is verified in each case so the timing matches too.
/// </summary>
public sealed class PasswordLogin(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signInManager,
    SecondFactorSignIn secondFactor,
    TimeProvider clock,
    SecurityEventLog audit)
{
    // A real hash of a random password, made once, so an unknown email costs the same as a known one.
    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), Guid.NewGuid().ToString()));

    public async Task<PasswordSignInResult> SignInAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            users.PasswordHasher.VerifyHashedPassword(user ?? new ApplicationUser(), DummyHash.Value, password);
            await audit.WriteAsync(SecurityEventKinds.PasswordFailed, user?.Id, user is null ? "unknown email" : "locked out");
            return PasswordSignInResult.Failed;
        }
        var check = await signInManager.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            await audit.WriteAsync(check.IsLockedOut ? SecurityEventKinds.LockedOut : SecurityEventKinds.PasswordFailed, user.Id,
                check.IsNotAllowed ? "not allowed" : "wrong password");
            return PasswordSignInResult.Failed;
        }
        user.LastSignInAt = clock.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(user);
        if (await secondFactor.IsBrowserRememberedAsync(user))
        {
            await secondFactor.CompleteSecondFactorAsync(user, SecondFactorMethodNames.Remembered, rememberBrowser: false);
            await audit.WriteAsync(SecurityEventKinds.BrowserRemembered, user.Id);
            return PasswordSignInResult.BrowserRemembered;
        }
        await secondFactor.SignInAfterPasswordAsync(user);
        await audit.WriteAsync(SecurityEventKinds.PasswordSignIn, user.Id);
        return PasswordSignInResult.NeedsSecondFactor;
    }
}

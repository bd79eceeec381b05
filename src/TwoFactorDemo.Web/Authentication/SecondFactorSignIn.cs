using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.Authentication;

/// <summary>
/// Issues the session cookie at each step. Every call creates a new server-side session and drops the old
/// one, so the session changes after the password and again after the second factor.
/// </summary>
public sealed class SecondFactorSignIn(
    SignInManager<ApplicationUser> signInManager,
    IOptions<IdentityOptions> identityOptions,
    TimeProvider clock)
{
    private const string AuthenticationMethod = "amr";

    /// <summary>After a correct password: a session without the second-factor claim.</summary>
    public Task SignInAfterPasswordAsync(ApplicationUser user) => NewSessionAsync(user, [new Claim(AuthenticationMethod, "pwd")]);

    /// <summary>After a proved second factor: a new session holding <c>tfd:2fa</c> and <c>tfd:2fa_at</c>.</summary>
    public async Task CompleteSecondFactorAsync(ApplicationUser user, string method, bool rememberBrowser)
    {
        var verifiedAt = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        await NewSessionAsync(user,
        [
            new Claim(AuthenticationMethod, "pwd"),
            new Claim(AuthenticationMethod, "mfa"),
            new Claim(SecondFactorClaimTypes.Method, method),
            new Claim(SecondFactorClaimTypes.VerifiedAt, verifiedAt),
        ]);
        if (rememberBrowser)
        {
            await signInManager.RememberTwoFactorClientAsync(user);
        }
    }

    /// <summary>Re-issues this session's cookie for <paramref name="user"/> (e.g. after a new security stamp), keeping its second-factor claims.</summary>
    public async Task RefreshAsync(ApplicationUser user)
    {
        var current = signInManager.Context.User;
        var kept = current.Claims
            .Where(c => c.Type is AuthenticationMethod or SecondFactorClaimTypes.Method or SecondFactorClaimTypes.VerifiedAt)
            .Select(c => new Claim(c.Type, c.Value))
            .ToList();
        await NewSessionAsync(user, kept);
    }

    /// <summary>
    /// True when this browser holds a remember-this-browser cookie for this user, issued under the user's current
    /// security stamp. The stamp is compared here on every use, so a stamp change forgets all browsers at once.
    /// </summary>
    public async Task<bool> IsBrowserRememberedAsync(ApplicationUser user)
    {
        var result = await signInManager.Context.AuthenticateAsync(IdentityConstants.TwoFactorRememberMeScheme);
        if (result.Principal is not { } principal || principal.FindFirstValue(ClaimTypes.Name) != user.Id)
        {
            return false;
        }
        var stamp = principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp is not null && stamp == await signInManager.UserManager.GetSecurityStampAsync(user);
    }

    /// <summary>Deletes this browser's remember-this-browser cookie.</summary>
    public Task ForgetBrowserAsync() => signInManager.ForgetTwoFactorClientAsync();

    // Each sign-in gets a new server-side session and ends the one it replaces (see ServerSideSessions).
    private Task NewSessionAsync(ApplicationUser user, IEnumerable<Claim> claims) =>
        signInManager.SignInWithClaimsAsync(user, isPersistent: false, claims);

    /// <summary>Ends this session.</summary>
    public Task SignOutAsync() => signInManager.SignOutAsync();
}

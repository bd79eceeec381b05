using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using TwoFactorDemo.Web.Authentication;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.SignIn;

/// <summary>
/// Issues the session cookie at each step. Every call creates a new server-side session and drops the old
/// one, so the session changes after the password and again after the second factor.
/// </summary>
public sealed class SecondFactorSignIn(
    SignInManager<ApplicationUser> signInManager,
    RememberedBrowsers rememberedBrowsers,
    TimeProvider clock)
{
    private const string AuthenticationMethod = "amr";

    /// <summary>After a correct password: a session without the second-factor claim.</summary>
    public async Task SignInAfterPasswordAsync(ApplicationUser user) => await IssueAsync(user, await PasswordPrincipalAsync(user), rememberBrowser: false);

    /// <summary>After a proved second factor: a new session holding <c>tfd:2fa</c> and <c>tfd:2fa_at</c>.</summary>
    public async Task CompleteSecondFactorAsync(ApplicationUser user, string method, bool rememberBrowser) =>
        await IssueAsync(user, await SecondFactorPrincipalAsync(user, method), rememberBrowser);

    /// <summary>
    /// The password step's principal. Building a principal reads the user's claims and roles, so a caller that
    /// issues it inside a transaction builds it first (<see cref="IssueAsync"/>).
    /// </summary>
    public Task<ClaimsPrincipal> PasswordPrincipalAsync(ApplicationUser user) => PrincipalAsync(user, [new Claim(AuthenticationMethod, "pwd")]);

    /// <summary>A verified session's principal: <c>tfd:2fa</c> (the method) and <c>tfd:2fa_at</c> (now).</summary>
    public Task<ClaimsPrincipal> SecondFactorPrincipalAsync(ApplicationUser user, string method)
    {
        var verifiedAt = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return PrincipalAsync(user,
        [
            new Claim(AuthenticationMethod, "pwd"),
            new Claim(AuthenticationMethod, "mfa"),
            new Claim(SecondFactorClaimTypes.Method, method),
            new Claim(SecondFactorClaimTypes.VerifiedAt, verifiedAt),
        ]);
    }

    /// <summary>
    /// Signs <paramref name="principal"/> in: a new server-side session, the old one ended (see ServerSideSessions),
    /// and the remember-this-browser cookie when asked. What <c>SignInManager.SignInWithClaimsAsync</c> does, with the
    /// principal built beforehand.
    /// </summary>
    public async Task IssueAsync(ApplicationUser user, ClaimsPrincipal principal, bool rememberBrowser)
    {
        await signInManager.Context.SignInAsync(signInManager.AuthenticationScheme, principal, new AuthenticationProperties { IsPersistent = false });
        signInManager.Context.User = principal;
        if (rememberBrowser)
        {
            await rememberedBrowsers.RememberAsync(user, await signInManager.UserManager.GetSecurityStampAsync(user));
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
        await IssueAsync(user, await PrincipalAsync(user, kept), rememberBrowser: false);
    }

    /// <summary>
    /// True when this browser holds a remember-this-browser cookie for this user, issued under the user's current
    /// security stamp, whose server-side record still lives (<see cref="RememberedBrowsers"/>): a stamp change forgets
    /// all browsers at once, and a forgotten one stays forgotten even where its cookie was copied.
    /// </summary>
    public async Task<bool> IsBrowserRememberedAsync(ApplicationUser user) =>
        await rememberedBrowsers.IsRememberedAsync(user, await signInManager.UserManager.GetSecurityStampAsync(user));

    private async Task<ClaimsPrincipal> PrincipalAsync(ApplicationUser user, IEnumerable<Claim> claims)
    {
        var principal = await signInManager.CreateUserPrincipalAsync(user);
        var identity = principal.Identities.First();
        foreach (var claim in claims)
        {
            identity.AddClaim(claim);
        }
        return principal;
    }

    /// <summary>Ends this session.</summary>
    public Task SignOutAsync() => signInManager.SignOutAsync();
}

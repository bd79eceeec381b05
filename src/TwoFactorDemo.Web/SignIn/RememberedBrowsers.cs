using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TwoFactorDemo.Web.Authentication;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.SignIn;

/// <summary>
/// "Remember this browser" as server-side records: the remember cookie (Identity's <c>TwoFactorRememberMeScheme</c>)
/// carries the user, the security stamp and a random token; the token's hash must have a live row at every use.
/// Forgetting one browser deletes its row, so a copied cookie stops working too (issue 13, finding 12); a stamp
/// change, or ending every session of the user (<c>UserSessionRevoker.RevokeAllAsync</c>), forgets all of them.
/// </summary>
public sealed class RememberedBrowsers(
    AppDbContext db,
    IHttpContextAccessor http,
    IOptions<IdentityOptions> identity,
    IOptions<TwoFactorOptions> options,
    TimeProvider clock)
{
    /// <summary>The claim that carries the browser's token inside the remember cookie.</summary>
    public const string TokenClaimType = "tfd:rb";

    private HttpContext Context => http.HttpContext ?? throw new InvalidOperationException("No request.");

    /// <summary>Remembers this browser for <paramref name="user"/>: a new row and the cookie that refers to it.</summary>
    public async Task RememberAsync(ApplicationUser user, string securityStamp)
    {
        var token = SecretTokens.New();
        var now = clock.GetUtcNow();
        var expires = now.AddDays(options.Value.RememberBrowserDays);
        var agent = Context.Request.Headers.UserAgent.ToString();
        db.RememberedBrowsers.Add(new RememberedBrowser
        {
            UserId = user.Id,
            TokenHash = SecretTokens.Hash(token),
            UserAgent = agent.Length > 256 ? agent[..256] : agent,
            CreatedAt = now.UtcDateTime,
            ExpiresAt = expires.UtcDateTime,
        });
        await db.SaveChangesAsync();
        var claims = new ClaimsIdentity(IdentityConstants.TwoFactorRememberMeScheme);
        claims.AddClaim(new Claim(ClaimTypes.Name, user.Id));
        claims.AddClaim(new Claim(identity.Value.ClaimsIdentity.SecurityStampClaimType, securityStamp));
        claims.AddClaim(new Claim(TokenClaimType, token));
        await Context.SignInAsync(IdentityConstants.TwoFactorRememberMeScheme, new ClaimsPrincipal(claims),
            new AuthenticationProperties { IsPersistent = true, ExpiresUtc = expires });
    }

    /// <summary>
    /// True when this browser's remember cookie is for <paramref name="user"/>, was issued under the current security
    /// stamp, and its row still lives (checked at every use).
    /// </summary>
    public async Task<bool> IsRememberedAsync(ApplicationUser user, string currentStamp) => await ThisBrowserIdAsync(user, currentStamp) is not null;

    /// <summary>The row of this browser when <see cref="IsRememberedAsync"/> holds, else null: "this browser" on /Security.</summary>
    public async Task<long?> ThisBrowserIdAsync(ApplicationUser user, string currentStamp)
    {
        var hash = await TokenHashAsync(user.Id, currentStamp);
        var now = clock.GetUtcNow().UtcDateTime;
        return hash is null ? null
            : await db.RememberedBrowsers.Where(b => b.TokenHash == hash && b.ExpiresAt > now).Select(b => (long?)b.Id).FirstOrDefaultAsync();
    }

    /// <summary>The user's remembered browsers, newest first.</summary>
    public async Task<IReadOnlyList<RememberedBrowser>> ListAsync(string userId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.RememberedBrowsers.AsNoTracking().Where(b => b.UserId == userId && b.ExpiresAt > now)
            .OrderByDescending(b => b.CreatedAt).ToListAsync();
    }

    /// <summary>Forgets one of the user's browsers (its row goes; its cookie, wherever it was copied, opens nothing).</summary>
    public Task<int> ForgetAsync(string userId, long id) =>
        db.RememberedBrowsers.Where(b => b.UserId == userId && b.Id == id).ExecuteDeleteAsync();

    /// <summary>Forgets this browser: its row and its cookie.</summary>
    public async Task ForgetThisAsync(string userId)
    {
        if (await TokenHashAsync(userId, stamp: null) is { } hash)
        {
            await db.RememberedBrowsers.Where(b => b.TokenHash == hash).ExecuteDeleteAsync();
        }
        await Context.SignOutAsync(IdentityConstants.TwoFactorRememberMeScheme);
    }

    private async Task<string?> TokenHashAsync(string userId, string? stamp)
    {
        var result = await Context.AuthenticateAsync(IdentityConstants.TwoFactorRememberMeScheme);
        if (result.Principal is not { } principal || principal.FindFirstValue(ClaimTypes.Name) != userId
            || principal.FindFirstValue(TokenClaimType) is not { } token
            || (stamp is not null && principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) != stamp))
        {
            return null;
        }
        return SecretTokens.Hash(token);
    }

}

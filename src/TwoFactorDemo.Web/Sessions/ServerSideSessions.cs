using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.Sessions;

/// <summary>
/// Gives every cookie sign-in a new random session key stored in the database and drops the key it replaces,
/// so an old cookie (the password-step one, a logged-out one, one from a revoked device) opens nothing.
/// Cookie handler events call it; the cookie still carries the ticket.
/// </summary>
/// <remarks>
/// Not the cookie handler's <c>SessionStore</c>: that keeps the same key when a signed-in request signs in
/// again (dotnet/aspnetcore#22135), which would let a pre-login cookie ride along into the verified session.
/// </remarks>
public sealed class ServerSideSessions(AppDbContext db, TimeProvider clock, SessionValidityCache cache)
{
    public async Task OnSigningInAsync(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity || identity.FindFirst(ClaimTypes.NameIdentifier)?.Value is not { } userId)
        {
            return;
        }
        foreach (var stale in identity.FindAll(SessionClaimTypes.SessionId).ToList())
        {
            identity.RemoveClaim(stale);
        }
        var cookieKey = SecretTokens.New();
        identity.AddClaim(new Claim(SessionClaimTypes.SessionId, cookieKey));
        var key = SecretTokens.Hash(cookieKey); // only the hash is stored
        var now = clock.GetUtcNow();
        var generation = cache.Generation;
        var session = new UserSession
        {
            Key = key,
            UserId = userId,
            CreatedAt = now.UtcDateTime,
            ExpiresAt = (context.Properties.ExpiresUtc ?? now.Add(context.Options.ExpireTimeSpan)).UtcDateTime,
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync();
        cache.Remember(key, userId, session.ExpiresAt, now.UtcDateTime, generation);
        await EndAsync(context.HttpContext.User);
    }

    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var key = context.Principal?.StoredSessionKey();
        var now = clock.GetUtcNow().UtcDateTime;
        if (key is not null && cache.IsKnownValid(key, now))
        {
            return;
        }
        var generation = cache.Generation;
        var session = key is null ? null : await db.UserSessions.AsNoTracking()
            .Where(s => s.Key == key && s.ExpiresAt > now)
            .Select(s => new { s.UserId, s.ExpiresAt })
            .FirstOrDefaultAsync();
        if (session is null)
        {
            // The request is anonymous; its cookie is left alone. Deleting it (a Set-Cookie that expires the name) would
            // also delete a newer cookie of the same browser: a second tab's late request, sent with the session its
            // first tab just replaced, would sign the person out of the session that tab was given (issue 18, bug 6).
            context.RejectPrincipal();
            return;
        }
        cache.Remember(key!, session.UserId, session.ExpiresAt, now, generation);
    }

    public Task OnSigningOutAsync(CookieSigningOutContext context) => EndAsync(context.HttpContext.User);

    private async Task EndAsync(ClaimsPrincipal principal)
    {
        if (principal.StoredSessionKey() is { } key)
        {
            await db.UserSessions.Where(s => s.Key == key).ExecuteDeleteAsync();
            cache.Forget(key);
        }
    }
}

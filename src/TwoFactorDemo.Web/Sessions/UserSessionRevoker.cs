using Microsoft.EntityFrameworkCore;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.Sessions;

/// <summary>Ends server-side sessions: all of one user's, and the expired ones of everybody.</summary>
public sealed class UserSessionRevoker(AppDbContext db, TimeProvider clock, SessionValidityCache cache)
{
    /// <summary>
    /// Deletes every session of the user and forgets every remembered browser; their cookies stop working on the next
    /// request. Returns the number of sessions ended.
    /// </summary>
    public async Task<int> RevokeAllAsync(string userId)
    {
        var ended = await db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync();
        await db.RememberedBrowsers.Where(b => b.UserId == userId).ExecuteDeleteAsync();
        cache.ForgetUser(userId);
        return ended;
    }

    /// <summary>Deletes sessions past their expiry.</summary>
    public Task<int> DeleteExpiredAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.UserSessions.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync();
    }
}

using Microsoft.EntityFrameworkCore;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.Administration;

/// <summary>Counts for the admin dashboard, each one query.</summary>
public sealed class AdminDashboard(AppDbContext db, TimeProvider clock)
{
    private static readonly string[] SignIns = [SecurityEventKinds.SecondFactorVerified, SecurityEventKinds.BrowserRemembered];
    private static readonly string[] Failures = [SecurityEventKinds.PasswordFailed, SecurityEventKinds.SecondFactorFailed, SecurityEventKinds.LockedOut];

    public async Task<DashboardCounts> CountAsync()
    {
        var now = clock.GetUtcNow();
        var since = now.AddHours(-24).UtcDateTime;
        var users = db.Users.AsNoTracking();
        var events = db.SecurityEvents.AsNoTracking().Where(e => e.At >= since);
        // LockoutEnd is a DateTimeOffset, which SQLite can't compare in SQL: the locked accounts are few, so filter them here.
        var lockouts = await users.Where(u => u.LockoutEnd != null).Select(u => u.LockoutEnd).ToListAsync();
        return new DashboardCounts(
            await users.CountAsync(),
            await users.CountAsync(u => u.TotpSecret != null),
            // Enrolment, not availability (issue 13, finding 1): a locked or unconfirmed method is still the account's.
            await users.CountAsync(u => u.SmsEnabled),
            await users.CountAsync(u => u.EmailLinkEnabled),
            await users.CountAsync(u => u.TotpSecret == null && !u.SmsEnabled && !u.EmailLinkEnabled
                && !db.TypingProfiles.Any(p => p.UserId == u.Id && p.Enrolled)),
            lockouts.Count(end => end > now),
            await events.CountAsync(e => SignIns.Contains(e.Kind)),
            await events.CountAsync(e => Failures.Contains(e.Kind)));
    }
}

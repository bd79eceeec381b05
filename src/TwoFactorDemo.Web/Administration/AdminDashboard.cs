using Microsoft.EntityFrameworkCore;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Methods;
using TwoFactorDemo.Web.Outbox;

namespace TwoFactorDemo.Web.Administration;

/// <summary>Counts for the admin dashboard, each one query; one per registered method, from the method's own filter.</summary>
public sealed class AdminDashboard(AppDbContext db, EnrolledMethods methods, OutboxStore outbox, TimeProvider clock)
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
        // Enrolment, not availability (issue 13, finding 1): a locked or unconfirmed method is still the account's.
        var primary = methods.All.Where(m => m.IsPrimary).ToList();
        var perMethod = new List<MethodCount>();
        foreach (var method in primary)
        {
            perMethod.Add(new MethodCount(method.Name, method.DisplayName, await users.CountAsync(method.EnrolledFilter)));
        }
        return new DashboardCounts(
            await users.CountAsync(),
            perMethod,
            await users.CountAsync(Predicates.NoneOf(primary.Select(m => m.EnrolledFilter))),
            lockouts.Count(end => end > now),
            await events.CountAsync(e => SignIns.Contains(e.Kind)),
            await events.CountAsync(e => Failures.Contains(e.Kind)),
            await outbox.CountsAsync());
    }
}

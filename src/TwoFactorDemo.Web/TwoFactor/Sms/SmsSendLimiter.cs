using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Hosting;

namespace TwoFactorDemo.Web.TwoFactor.Sms;

/// <summary>
/// Anti SMS-pumping (ASVS 5.0 6.6.3): at most <c>Sms:SendsPerNumber</c> sends per account and per number in
/// 10 minutes, and <c>Sms:SendsPerIp</c> per client IP in an hour. Counted in the database against the app's
/// clock, so limits hold across restarts and the tests can move time.
/// </summary>
public sealed class SmsSendLimiter(AppDbContext db, TimeProvider clock, IOptions<SmsOptions> options)
{
    /// <summary>When the next send may go out, or null if one may go out now.</summary>
    public async Task<DateTimeOffset?> RefusedUntilAsync(string? userId, string phoneNumber, string? ip)
    {
        var now = clock.GetUtcNow();
        var limits = options.Value;
        DateTimeOffset? until = null;
        foreach (var (sends, limit, window) in new[]
        {
            (db.SmsSends.Where(s => s.PhoneNumber == phoneNumber), limits.SendsPerNumber, SmsOptions.NumberWindow),
            (db.SmsSends.Where(s => userId != null && s.UserId == userId), limits.SendsPerNumber, SmsOptions.NumberWindow),
            (db.SmsSends.Where(s => ip != null && s.IpAddress == ip), limits.SendsPerIp, SmsOptions.IpWindow),
        })
        {
            var since = now.Subtract(window).UtcDateTime;
            var recent = await sends.Where(s => s.SentAt > since).OrderByDescending(s => s.SentAt).Select(s => s.SentAt).Take(limit).ToListAsync();
            if (recent.Count >= limit)
            {
                // Free again when the oldest of the last `limit` sends leaves the window.
                var free = new DateTimeOffset(DateTime.SpecifyKind(recent[^1], DateTimeKind.Utc)).Add(window);
                until = until is null || free > until ? free : until;
            }
        }
        return until;
    }

    public async Task RecordAsync(string? userId, string phoneNumber, string? ip)
    {
        db.SmsSends.Add(new SmsSend { UserId = userId, PhoneNumber = phoneNumber, IpAddress = ip, SentAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();
    }
}

using Microsoft.EntityFrameworkCore;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.TwoFactor;

/// <summary>
/// Anti-pumping (ASVS 5.0 6.6.3) for codes and links: per account, per destination (number or address) and
/// per client IP. Counted in the database against the app's clock, so limits hold across restarts and
/// instances, and tests can move time.
/// </summary>
public sealed class SendLimiter(AppDbContext db, TimeProvider clock)
{
    /// <summary>When the next send may go out, or null if one may go out now.</summary>
    public async Task<DateTimeOffset?> RefusedUntilAsync(SendLimit limit, string? userId, string destination, string? ip)
    {
        var now = clock.GetUtcNow();
        var channel = db.MessageSends.Where(s => s.Channel == limit.Channel);
        DateTimeOffset? until = null;
        foreach (var (sends, max, window) in new[]
        {
            (channel.Where(s => s.Destination == destination), limit.PerDestination, limit.Window),
            (channel.Where(s => userId != null && s.UserId == userId), limit.PerDestination, limit.Window),
            (channel.Where(s => ip != null && s.IpAddress == ip), limit.PerIp, limit.IpWindow),
        })
        {
            var since = now.Subtract(window).UtcDateTime;
            var recent = await sends.Where(s => s.SentAt > since).OrderByDescending(s => s.SentAt).Select(s => s.SentAt).Take(max).ToListAsync();
            if (recent.Count >= max)
            {
                // Free again when the oldest of the last `max` sends leaves the window.
                var free = new DateTimeOffset(DateTime.SpecifyKind(recent[^1], DateTimeKind.Utc)).Add(window);
                until = until is null || free > until ? free : until;
            }
        }
        return until;
    }

    public async Task RecordAsync(SendLimit limit, string? userId, string destination, string? ip)
    {
        db.MessageSends.Add(new MessageSend
        {
            Channel = limit.Channel,
            UserId = userId,
            Destination = destination,
            IpAddress = ip,
            SentAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>The sentence for a refused send.</summary>
    public string RefusedMessage(string what, DateTimeOffset until)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling((until - clock.GetUtcNow()).TotalMinutes));
        return $"Too many {what} were sent. To protect your account, you can ask for a new one at {until:HH:mm} UTC " +
               $"(in {minutes} minute{(minutes == 1 ? "" : "s")}). Another sign-in method works now.";
    }
}

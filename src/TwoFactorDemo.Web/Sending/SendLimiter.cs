using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.Sending;

/// <summary>
/// Anti-pumping (ASVS 5.0 6.6.3) for codes and links: per account, per destination (number or address) and
/// per client IP. Counted in the database against the app's clock, so limits hold across restarts and
/// instances, and tests can move time.
/// </summary>
public sealed class SendLimiter(AppDbContext db, TimeProvider clock)
{
    /// <summary>When the next send may go out, or null if one may go out now.</summary>
    private async Task<DateTimeOffset?> RefusedUntilAsync(SendLimit limit, string? userId, string destination, string? ip)
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

    /// <summary>
    /// Reserves one send: the record is inserted only if every limit still allows it (and this session sent nothing to this destination within the cooldown), in one conditional INSERT, so parallel requests cannot all pass a check made before
    /// any of them recorded its send (20 parallel calls once placed 20). Call the provider only after a reservation.
    /// </summary>
    /// <remarks>One statement is atomic in SQLite, whose writers are serialised. On PostgreSQL, take
    /// <c>pg_advisory_xact_lock</c> on the destination in the same transaction first: READ COMMITTED lets two such
    /// INSERTs count the same rows.</remarks>
    public async Task<SendReservation> TryReserveAsync(SendLimit limit, string? userId, string destination, string? ip, string? sessionKey, TimeSpan cooldown)
    {
        var now = clock.GetUtcNow();
        var at = now.UtcDateTime;
        var since = now.Subtract(limit.Window).UtcDateTime;
        var ipSince = now.Subtract(limit.IpWindow).UtcDateTime;
        var cooldownSince = now.Subtract(cooldown).UtcDateTime;
        var inserted = await db.Database.SqlQuery<long>($"""
            INSERT INTO "MessageSends" ("Channel", "UserId", "Destination", "IpAddress", "SessionKey", "SentAt")
            SELECT {limit.Channel}, {userId}, {destination}, {ip}, {sessionKey}, {at}
            WHERE (SELECT COUNT(*) FROM "MessageSends" WHERE "Channel" = {limit.Channel} AND "Destination" = {destination} AND "SentAt" > {since}) < {limit.PerDestination}
              AND ({userId} IS NULL OR (SELECT COUNT(*) FROM "MessageSends" WHERE "Channel" = {limit.Channel} AND "UserId" = {userId} AND "SentAt" > {since}) < {limit.PerDestination})
              AND ({ip} IS NULL OR (SELECT COUNT(*) FROM "MessageSends" WHERE "Channel" = {limit.Channel} AND "IpAddress" = {ip} AND "SentAt" > {ipSince}) < {limit.PerIp})
              AND NOT EXISTS (SELECT 1 FROM "MessageSends" WHERE "Channel" = {limit.Channel} AND "Destination" = {destination}
                              AND "SessionKey" = {sessionKey} AND "SentAt" > {cooldownSince})
            RETURNING "Id" AS "Value"
            """).ToListAsync();
        if (inserted.Count == 1)
        {
            return new SendReservation(inserted[0], null);
        }
        var lastToDestination = await db.MessageSends.Where(s => s.Channel == limit.Channel && s.Destination == destination && sessionKey != null && s.SessionKey == sessionKey)
            .MaxAsync(s => (DateTime?)s.SentAt);
        var cooledDown = lastToDestination is { } last ? new DateTimeOffset(DateTime.SpecifyKind(last, DateTimeKind.Utc)).Add(cooldown) : now;
        var limited = await RefusedUntilAsync(limit, userId, destination, ip) ?? now;
        // Never "now": a refusal always names a moment in the future, even if the blocking send just left its window.
        return new SendReservation(null, new[] { cooledDown, limited, now.AddSeconds(1) }.Max());
    }

    /// <summary>Gives back a reservation whose send failed (the provider refused or was down): it sent nothing, so it does not count.</summary>
    public Task ReleaseAsync(SendReservation reservation) =>
        db.MessageSends.Where(s => s.Id == reservation.Id).ExecuteDeleteAsync();

    /// <summary>The sentence for a refused send of codes (<paramref name="links"/> false) or links.</summary>
    public string RefusedMessage(bool links, DateTimeOffset until, IStringLocalizer T) => links
        ? T["Too many links were sent. To protect your account, you can ask for a new one at {0:HH:mm} UTC ({1}). Another sign-in method works now.",
            until, Presentation.RelativeTime.Describe(until, clock.GetUtcNow(), T)]
        : T["Too many codes were sent. To protect your account, you can ask for a new one at {0:HH:mm} UTC ({1}). Another sign-in method works now.",
            until, Presentation.RelativeTime.Describe(until, clock.GetUtcNow(), T)];
}

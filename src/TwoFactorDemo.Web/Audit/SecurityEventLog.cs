using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.Audit;

/// <summary>
/// Writes security events to the append-only audit table and the log: who (and the email at the time), who
/// acted when it was someone else (an admin), the client IP and user agent. Never pass a code or secret as detail.
/// </summary>
public sealed class SecurityEventLog(AppDbContext db, TimeProvider clock, IHttpContextAccessor http, ILogger<SecurityEventLog> logger)
{
    public async Task WriteAsync(string kind, string? userId, string? detail = null)
    {
        var context = http.HttpContext;
        var ip = context?.Connection.RemoteIpAddress?.ToString();
        var actor = context?.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var userAgent = context?.Request.Headers.UserAgent.ToString();
        // FindAsync answers from the change tracker when the request already loaded the user (nearly always).
        var email = userId is null ? null : (await db.Users.FindAsync(userId))?.Email;
        logger.LogInformation("Security event {Kind} for user {UserId} by {Actor} from {Ip}: {Detail}", kind, userId ?? "-", actor ?? "-", ip ?? "-", detail ?? "");
        db.SecurityEvents.Add(new SecurityEvent
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = userId,
            UserEmail = email,
            ActorId = actor != userId ? actor : null,
            Kind = kind,
            Detail = Trim(detail, 512),
            IpAddress = ip,
            UserAgent = Trim(userAgent, 256),
        });
        await db.SaveChangesAsync();
    }

    private static string? Trim(string? value, int length) => string.IsNullOrEmpty(value) ? null : value.Length > length ? value[..length] : value;
}

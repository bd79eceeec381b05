using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.Audit;

/// <summary>Writes security events to the audit table and the log. Never pass a code or secret as detail.</summary>
public sealed class SecurityEventLog(AppDbContext db, TimeProvider clock, IHttpContextAccessor http, ILogger<SecurityEventLog> logger)
{
    public async Task WriteAsync(string kind, string? userId, string? detail = null)
    {
        var ip = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        logger.LogInformation("Security event {Kind} for user {UserId} from {Ip}: {Detail}", kind, userId ?? "-", ip ?? "-", detail ?? "");
        db.SecurityEvents.Add(new SecurityEvent
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = userId,
            Kind = kind,
            Detail = detail is { Length: > 512 } ? detail[..512] : detail,
            IpAddress = ip,
        });
        await db.SaveChangesAsync();
    }
}

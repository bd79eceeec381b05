using System.Text;
using Microsoft.EntityFrameworkCore;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.Administration;

/// <summary>Reads the audit log for /Admin/Audit: filtered, paged, newest first, and as CSV.</summary>
public sealed class AuditQuery(AppDbContext db)
{
    public const int PageSize = 50;
    public const int MaxExportRows = 50_000;

    public async Task<AuditPage> SearchAsync(AuditFilter filter)
    {
        var events = Filtered(filter);
        var total = await events.CountAsync();
        var page = Math.Clamp(filter.Page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = await events.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync();
        var actors = rows.Where(e => e.ActorId != null).Select(e => e.ActorId!).Distinct().ToList();
        var emails = actors.Count == 0 ? new Dictionary<string, string>()
            : await db.Users.AsNoTracking().Where(u => actors.Contains(u.Id) && u.Email != null).ToDictionaryAsync(u => u.Id, u => u.Email!);
        return new AuditPage(rows, total, page, PageSize) { ActorEmails = emails };
    }

    public async Task<IReadOnlyList<string>> KindsAsync() => await db.SecurityEvents.Select(e => e.Kind).Distinct().OrderBy(k => k).ToListAsync();

    /// <summary>The filtered entries as CSV (RFC 4180), cells that a spreadsheet would run as a formula defused.</summary>
    public async Task<string> ExportCsvAsync(AuditFilter filter)
    {
        var csv = new StringBuilder("time_utc,user_id,user_email,actor_id,event,detail,ip,user_agent\r\n");
        var rows = await Filtered(filter).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(MaxExportRows).ToListAsync();
        foreach (var e in rows)
        {
            csv.AppendJoin(',', new[] { e.At.ToString("O"), e.UserId, e.UserEmail, e.ActorId, e.Kind, e.Detail, e.IpAddress, e.UserAgent }.Select(Cell)).Append("\r\n");
        }
        return csv.ToString();
    }

    private IQueryable<SecurityEvent> Filtered(AuditFilter filter)
    {
        var events = db.SecurityEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            var user = filter.User.Trim();
            events = events.Where(e => e.UserId == user || e.ActorId == user || (e.UserEmail != null && e.UserEmail.Contains(user)));
        }
        if (!string.IsNullOrWhiteSpace(filter.Kind))
        {
            events = events.Where(e => e.Kind == filter.Kind);
        }
        if (filter.From is { } from)
        {
            events = events.Where(e => e.At >= from);
        }
        // The last day has no "next day" to stop before: up to it means everything (it overflowed into a 500).
        if (filter.To is { } to && to.Date < DateTime.MaxValue.Date)
        {
            var end = to.Date.AddDays(1);
            events = events.Where(e => e.At < end);
        }
        return events;
    }

    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}

namespace TwoFactorDemo.Web.Administration;

/// <summary>What /Admin/Audit shows: a user (id or part of the email), an event kind, a date range, a page.</summary>
public sealed record AuditFilter(string? User, string? Kind, DateTime? From, DateTime? To, int Page = 1);

using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.Administration;

/// <summary>A page of audit entries, newest first.</summary>
public sealed record AuditPage(IReadOnlyList<SecurityEvent> Events, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

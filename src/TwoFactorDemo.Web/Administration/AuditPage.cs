using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Methods.EmailLink;
using TwoFactorDemo.Web.Methods.RecoveryCodes;
using TwoFactorDemo.Web.Methods.Sms;
using TwoFactorDemo.Web.Methods.Typing;

namespace TwoFactorDemo.Web.Administration;

/// <summary>A page of audit entries, newest first.</summary>
public sealed record AuditPage(IReadOnlyList<SecurityEvent> Events, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

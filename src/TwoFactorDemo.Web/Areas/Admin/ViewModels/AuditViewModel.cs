using TwoFactorDemo.Web.Administration;

namespace TwoFactorDemo.Web.Areas.Admin.ViewModels;

/// <summary>/Admin/Audit: the filter, the kinds to pick from, and a page of entries.</summary>
public class AuditViewModel
{
    public required AuditFilter Filter { get; init; }
    public required IReadOnlyList<string> Kinds { get; init; }
    public required AuditPage Result { get; init; }
}

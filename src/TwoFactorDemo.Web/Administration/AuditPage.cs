using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.Administration;

/// <summary>A page of audit entries, newest first.</summary>
public sealed record AuditPage(IReadOnlyList<SecurityEvent> Events, int Total, int Page, int PageSize)
{
    /// <summary>The email of each acting admin on this page, by id (an admin deleted since keeps only the id).</summary>
    public IReadOnlyDictionary<string, string> ActorEmails { get; init; } = new Dictionary<string, string>();

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.Areas.Admin.ViewModels;

/// <summary>/Admin/Users/{id}: the account, its methods and what can be done to it.</summary>
public class UserDetailsViewModel
{
    public required ApplicationUser User { get; init; }
    public required IReadOnlyList<string> Methods { get; init; }
    public int RecoveryCodesLeft { get; init; }
    public int Sessions { get; init; }
    public bool IsAdmin { get; init; }
    public bool IsLocked { get; init; }
    public bool IsSelf { get; init; }
    public required IReadOnlyList<SecurityEvent> RecentEvents { get; init; }
}

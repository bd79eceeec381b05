using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Methods;

namespace TwoFactorDemo.Web.Administration;

/// <summary>One account as /Admin/Users/{id} shows it.</summary>
public sealed record UserDetails(
    ApplicationUser User,
    IReadOnlyList<MethodState> Methods,
    int Sessions,
    bool IsAdmin,
    bool IsLocked,
    IReadOnlyList<SecurityEvent> RecentEvents);

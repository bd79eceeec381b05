using Microsoft.AspNetCore.Authorization;

namespace TwoFactorDemo.Web.Authentication;

/// <summary>
/// A real second factor (not a remembered browser) was proved in this session within <see cref="MaxAge"/>.
/// With <see cref="AllowUsersWithoutMethod"/>, a user who has no method yet passes (nothing to protect).
/// </summary>
public sealed class RecentSecondFactorRequirement(TimeSpan maxAge, bool allowUsersWithoutMethod = false) : IAuthorizationRequirement
{
    public TimeSpan MaxAge { get; } = maxAge;

    public bool AllowUsersWithoutMethod { get; } = allowUsersWithoutMethod;
}

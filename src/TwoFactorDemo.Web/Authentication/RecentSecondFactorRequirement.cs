using Microsoft.AspNetCore.Authorization;

namespace TwoFactorDemo.Web.Authentication;

/// <summary>A real second factor (not a remembered browser) was proved in this session within <see cref="MaxAge"/>.</summary>
public sealed class RecentSecondFactorRequirement(TimeSpan maxAge) : IAuthorizationRequirement
{
    public TimeSpan MaxAge { get; } = maxAge;
}

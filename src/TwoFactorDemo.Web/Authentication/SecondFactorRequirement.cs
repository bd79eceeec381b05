using Microsoft.AspNetCore.Authorization;

namespace TwoFactorDemo.Web.Authentication;

/// <summary>
/// This session holds the <c>tfd:2fa</c> claim. A user with no method passes when
/// <see cref="AllowUsersWithoutMethod"/> is true (set-up pages) or when enforcement is Optional.
/// </summary>
public sealed class SecondFactorRequirement(bool allowUsersWithoutMethod) : IAuthorizationRequirement
{
    public bool AllowUsersWithoutMethod { get; } = allowUsersWithoutMethod;
}

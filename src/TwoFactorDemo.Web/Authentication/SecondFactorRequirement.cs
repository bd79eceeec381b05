using Microsoft.AspNetCore.Authorization;

namespace TwoFactorDemo.Web.Authentication;

/// <summary>
/// This session holds the <c>tfd:2fa</c> claim. A user with no method passes when
/// <see cref="AllowUsersWithoutMethod"/> is true (set-up pages) or when enforcement is Optional, unless
/// <see cref="AlwaysRequired"/> (the admin area: every admin proves a second factor, whatever the setting).
/// With <see cref="InThisSession"/>, a remembered browser does not count: a factor must be proved in this session.
/// </summary>
public sealed class SecondFactorRequirement(bool allowUsersWithoutMethod, bool alwaysRequired = false, bool inThisSession = false) : IAuthorizationRequirement
{
    public bool InThisSession { get; } = inThisSession;

    public bool AllowUsersWithoutMethod { get; } = allowUsersWithoutMethod;

    public bool AlwaysRequired { get; } = alwaysRequired;
}

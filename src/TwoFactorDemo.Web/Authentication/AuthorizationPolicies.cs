namespace TwoFactorDemo.Web.Authentication;

/// <summary>Names of the authorization policies.</summary>
public static class AuthorizationPolicies
{
    /// <summary>The default for <c>[Authorize]</c>: this session proved a second factor.</summary>
    public const string SecondFactorVerified = "SecondFactorVerified";

    /// <summary>Self-service pages: a verified session, or a user who has no method yet and must set one up.</summary>
    public const string SecuritySetup = "SecuritySetup";

    /// <summary>Sensitive changes: a real second factor proved within <c>TwoFactorOptions.StepUpWindow</c>.</summary>
    public const string RecentSecondFactor = "RecentSecondFactor";

    /// <summary>
    /// Adding a method or changing an enrolled one (a new authenticator, typing samples, a new phone number, email
    /// links on): step-up once the user has any method, so a remembered or stale session cannot add its own factor.
    /// </summary>
    public const string RecentSecondFactorIfEnrolled = "RecentSecondFactorIfEnrolled";

    /// <summary>
    /// The admin area: role Admin and a second factor proved in this session (a remembered browser is not enough),
    /// whatever the enforcement setting.
    /// </summary>
    public const string AdminOnly = "AdminOnly";

    /// <summary>Destructive admin actions: <see cref="AdminOnly"/> plus a real second factor in the last 10 minutes.</summary>
    public const string AdminStepUp = "AdminStepUp";

    /// <summary>The challenge pages: only the password step is needed.</summary>
    public const string PasswordSignedIn = "PasswordSignedIn";
}

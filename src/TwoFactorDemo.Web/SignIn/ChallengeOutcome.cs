namespace TwoFactorDemo.Web.SignIn;

/// <summary>What happened to a submitted second-factor proof.</summary>
public enum ChallengeOutcome
{
    Verified,
    Invalid,
    LockedOut,
}

namespace TwoFactorDemo.Web.SignIn;

/// <summary>What happened to a submitted second-factor proof.</summary>
public enum ChallengeOutcome
{
    Verified,
    Invalid,
    LockedOut,

    /// <summary>This session was verified meanwhile (another tab's proof won): nothing was checked or spent.</summary>
    AlreadyVerified,
}

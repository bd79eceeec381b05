namespace TwoFactorDemo.Web.SignIn;

/// <summary>
/// What happened to a submitted second-factor proof, and the sentence to show the user when it failed. When a wrong
/// proof also locked the account, <see cref="Message"/> says so and <see cref="MethodMessage"/> keeps the method's own
/// reason (typing, for one, has locked itself at that moment and says why).
/// </summary>
public sealed record ChallengeResult(ChallengeOutcome Outcome, string Message, string MethodMessage = "")
{
    public const string LockedOutMessage = "Too many wrong codes. For your safety this account is locked for a few minutes; try again later.";

    public static readonly ChallengeResult Verified = new(ChallengeOutcome.Verified, "");

    public static readonly ChallengeResult LockedOut = new(ChallengeOutcome.LockedOut, LockedOutMessage);

    public static readonly ChallengeResult AlreadyVerified = new(ChallengeOutcome.AlreadyVerified, "");

    /// <summary>The session is verified: by this proof, or by another tab's a moment before (then nothing was spent).</summary>
    public bool Succeeded => Outcome is ChallengeOutcome.Verified or ChallengeOutcome.AlreadyVerified;
}

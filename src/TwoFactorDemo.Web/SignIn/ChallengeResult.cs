namespace TwoFactorDemo.Web.SignIn;

/// <summary>
/// What happened to a submitted second-factor proof, and the sentence to show the user when it failed. When a wrong
/// proof also locked the account, <see cref="Message"/> says so and <see cref="MethodMessage"/> keeps the method's own
/// reason (typing, for one, has locked itself at that moment and says why).
/// </summary>
public sealed record ChallengeResult(ChallengeOutcome Outcome, string Message, string MethodMessage = "")
{
    /// <summary>The start of the lockout sentence; <see cref="LockedUntil"/> says when it ends.</summary>
    public const string LockedOutMessage = "Too many wrong codes. For your safety this account is locked";

    public static readonly ChallengeResult Verified = new(ChallengeOutcome.Verified, "");

    public static readonly ChallengeResult LockedOut = new(ChallengeOutcome.LockedOut, LockedOutMessage + " for a few minutes; try again later.");

    /// <summary>Locked, saying until when: "… locked until 14:32 UTC (in 5 minutes); try again then."</summary>
    public static ChallengeResult LockedUntil(DateTimeOffset? end, DateTimeOffset now) => end is { } until && until > now
        ? new(ChallengeOutcome.LockedOut, until == DateTimeOffset.MaxValue
            ? LockedOutMessage + " by an administrator. Contact them to unlock it."
            : $"{LockedOutMessage} until {until:HH:mm} UTC ({Presentation.RelativeTime.Describe(until, now)}); try again then.")
        : LockedOut;

    public static readonly ChallengeResult AlreadyVerified = new(ChallengeOutcome.AlreadyVerified, "");

    /// <summary>The session is verified: by this proof, or by another tab's a moment before (then nothing was spent).</summary>
    public bool Succeeded => Outcome is ChallengeOutcome.Verified or ChallengeOutcome.AlreadyVerified;
}

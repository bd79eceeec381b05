using Microsoft.Extensions.Localization;

namespace TwoFactorDemo.Web.SignIn;

/// <summary>
/// What happened to a submitted second-factor proof, and the sentence to show the user when it failed. When a wrong
/// proof also locked the account, <see cref="Message"/> says so and <see cref="MethodMessage"/> keeps the method's own
/// reason (typing, for one, has locked itself at that moment and says why).
/// </summary>
public sealed record ChallengeResult(ChallengeOutcome Outcome, string Message, string MethodMessage = "")
{
    public static readonly ChallengeResult Verified = new(ChallengeOutcome.Verified, "");

    public static ChallengeResult LockedOut(IStringLocalizer T) =>
        new(ChallengeOutcome.LockedOut, T["Too many wrong codes. For your safety this account is locked for a few minutes; try again later."]);

    /// <summary>Locked, saying until when: "… locked until 14:32 UTC (in 5 minutes); try again then."</summary>
    public static ChallengeResult LockedUntil(DateTimeOffset? end, DateTimeOffset now, IStringLocalizer T) => end is { } until && until > now
        ? new(ChallengeOutcome.LockedOut, until == DateTimeOffset.MaxValue
            ? T["Too many wrong codes. For your safety this account is locked by an administrator. Contact them to unlock it."]
            : T["Too many wrong codes. For your safety this account is locked until {0:HH:mm} UTC ({1}); try again then.", until, Presentation.RelativeTime.Describe(until, now, T)])
        : LockedOut(T);

    public static readonly ChallengeResult AlreadyVerified = new(ChallengeOutcome.AlreadyVerified, "");

    /// <summary>The session is verified: by this proof, or by another tab's a moment before (then nothing was spent).</summary>
    public bool Succeeded => Outcome is ChallengeOutcome.Verified or ChallengeOutcome.AlreadyVerified;
}

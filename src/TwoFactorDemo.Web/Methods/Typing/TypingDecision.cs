namespace TwoFactorDemo.Web.Methods.Typing;

/// <summary>What <see cref="TypingMatcher.Decide"/> made of a sign-in sample.</summary>
public sealed record TypingDecision(bool Accepted, bool JoinsProfile, double Score);

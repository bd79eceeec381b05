namespace TwoFactorDemo.Web.TwoFactor.Typing;

/// <summary>What a typing sample did, and the sentence for the user.</summary>
public sealed record TypingResult(bool Accepted, string Message);

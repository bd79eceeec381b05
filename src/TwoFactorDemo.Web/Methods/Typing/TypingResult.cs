namespace TwoFactorDemo.Web.Methods.Typing;

/// <summary>What an enrolment sample did, the sentence for the user, and whether this sample completed the enrolment.</summary>
public sealed record TypingResult(bool Accepted, string Message, bool JustEnrolled = false);

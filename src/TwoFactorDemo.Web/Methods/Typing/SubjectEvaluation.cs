namespace TwoFactorDemo.Web.Methods.Typing;

/// <summary>One subject's error rates in <see cref="TypingEvaluation"/>.</summary>
public sealed record SubjectEvaluation(string Subject, double EqualErrorRate, double FalseMatchRate, double FalseNonMatchRate);

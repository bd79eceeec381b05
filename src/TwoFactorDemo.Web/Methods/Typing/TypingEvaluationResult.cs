namespace TwoFactorDemo.Web.Methods.Typing;

/// <summary>Every subject's error rates and their means.</summary>
public sealed record TypingEvaluationResult(IReadOnlyList<SubjectEvaluation> Subjects, double MeanEqualErrorRate, double MeanFalseMatchRate, double MeanFalseNonMatchRate);

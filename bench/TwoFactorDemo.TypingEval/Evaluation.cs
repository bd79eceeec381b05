namespace TwoFactorDemo.TypingEval;

/// <summary>The headline figures of a run: the threshold in play, mean EER, and pooled per-attempt FMR and FNMR at it.</summary>
public sealed record Evaluation(double Threshold, double MeanEqualErrorRate, double FalseMatchRate, double FalseNonMatchRate);

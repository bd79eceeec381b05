namespace TwoFactorDemo.TypingEval;

/// <summary>A file or protocol the evaluation cannot run, with the sentence that says why (never a figure made up).</summary>
public sealed class EvaluationRefusedException(string message) : Exception(message);

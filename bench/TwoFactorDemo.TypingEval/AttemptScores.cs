namespace TwoFactorDemo.TypingEval;

/// <summary>One subject's sign-in attempts: the owner's scores and whether each was accepted, and the impostors'.</summary>
public sealed record AttemptScores(string Subject, List<(double Score, bool Accepted)> Genuine, List<(double Score, bool Accepted)> Impostor)
{
    public double FalseMatchRate => Impostor.Count(a => a.Accepted) / (double)Impostor.Count;
    public double FalseNonMatchRate => Genuine.Count(a => !a.Accepted) / (double)Genuine.Count;
}

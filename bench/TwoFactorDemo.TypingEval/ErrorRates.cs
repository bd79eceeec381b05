namespace TwoFactorDemo.TypingEval;

/// <summary>Error rates from genuine and impostor scores (lower score = more alike; accepted at or below a threshold).</summary>
public static class ErrorRates
{
    public static double FalseMatchRate(IReadOnlyList<double> impostor, double threshold) =>
        impostor.Count(s => s <= threshold) / (double)impostor.Count;

    public static double FalseNonMatchRate(IReadOnlyList<double> genuine, double threshold) =>
        genuine.Count(s => s > threshold) / (double)genuine.Count;

    /// <summary>
    /// The equal error rate, interpolated on the ROC: over the thresholds at every score, FNMR falls and FMR rises; between
    /// the two neighbouring thresholds where FNMR − FMR changes sign, the crossing of the two straight segments.
    /// </summary>
    public static double EqualErrorRate(IReadOnlyList<double> genuine, IReadOnlyList<double> impostor)
    {
        var thresholds = genuine.Concat(impostor).Where(double.IsFinite).Append(double.NegativeInfinity).Distinct().Order().ToList();
        var previous = (Fnmr: 1.0, Fmr: 0.0);
        foreach (var t in thresholds)
        {
            var point = (Fnmr: FalseNonMatchRate(genuine, t), Fmr: FalseMatchRate(impostor, t));
            if (point.Fnmr <= point.Fmr)
            {
                var before = previous.Fnmr - previous.Fmr;
                var after = point.Fnmr - point.Fmr;
                var share = before - after == 0 ? 0 : before / (before - after);
                return previous.Fmr + share * (point.Fmr - previous.Fmr);
            }
            previous = point;
        }
        return previous.Fnmr; // impostors never accepted at any finite score
    }

    /// <summary>DET points (threshold, FMR, FNMR) at the impostor-score quantiles that give these false-match rates.</summary>
    public static List<(double Threshold, double Fmr, double Fnmr)> DetPoints(IReadOnlyList<double> genuine, IReadOnlyList<double> impostor)
    {
        var sorted = impostor.Where(double.IsFinite).Order().ToList();
        return [.. DetRates.Select(rate => sorted[Math.Clamp((int)(sorted.Count * rate), 0, sorted.Count - 1)]).Distinct()
            .Select(t => (t, FalseMatchRate(impostor, t), FalseNonMatchRate(genuine, t)))];
    }

    private static readonly double[] DetRates = [0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5];
}

namespace TwoFactorDemo.Web.Methods.Typing;

/// <summary>Error rates of a detector from genuine and impostor scores (lower score = accept).</summary>
public static class EqualErrorRate
{
    /// <summary>The rate where false rejects equal false accepts (the midpoint of the closest pair of rates over all thresholds).</summary>
    public static double Compute(IReadOnlyList<double> genuine, IReadOnlyList<double> impostor)
    {
        var best = (Gap: double.MaxValue, Rate: 1.0);
        foreach (var threshold in genuine.Concat(impostor).Append(double.NegativeInfinity).Distinct().Order())
        {
            var falseReject = genuine.Count(s => s > threshold) / (double)genuine.Count;
            var falseAccept = impostor.Count(s => s <= threshold) / (double)impostor.Count;
            var gap = Math.Abs(falseReject - falseAccept);
            if (gap < best.Gap)
            {
                best = (gap, (falseReject + falseAccept) / 2);
            }
        }
        return best.Rate;
    }

    /// <summary>Share of impostor samples accepted at <paramref name="threshold"/>.</summary>
    public static double FalseMatchRate(IReadOnlyList<double> impostor, double threshold) =>
        impostor.Count(s => s <= threshold) / (double)impostor.Count;

    /// <summary>Share of genuine samples refused at <paramref name="threshold"/>.</summary>
    public static double FalseNonMatchRate(IReadOnlyList<double> genuine, double threshold) =>
        genuine.Count(s => s > threshold) / (double)genuine.Count;
}

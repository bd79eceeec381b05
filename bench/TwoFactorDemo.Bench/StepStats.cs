namespace TwoFactorDemo.Bench;

/// <summary>How many times a step ran and its latency percentiles (nearest-rank), in milliseconds.</summary>
public sealed record StepStats(string Step, int Count, double P50, double P95, double P99, double Max)
{
    public static StepStats From(string step, double[] milliseconds)
    {
        Array.Sort(milliseconds);
        return new StepStats(step, milliseconds.Length,
            Percentile(milliseconds, 0.50), Percentile(milliseconds, 0.95), Percentile(milliseconds, 0.99),
            milliseconds.Length == 0 ? double.NaN : milliseconds[^1]);
    }

    /// <summary>The nearest-rank percentile of sorted values: the smallest value with at least <paramref name="p"/> of them at or below it.</summary>
    public static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }
        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}

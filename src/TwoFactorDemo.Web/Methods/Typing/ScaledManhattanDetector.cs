namespace TwoFactorDemo.Web.Methods.Typing;

/// <summary>
/// The scaled Manhattan detector (Killourhy &amp; Maxion 2009, one of the best of the 14 they compared): per
/// feature, the mean and the mean absolute deviation (MAD) of the enrolled samples; a sample's score is
/// Σ |x − mean| / MAD, divided here by the number of features so one threshold fits any phrase length.
/// Lower is more alike.
/// </summary>
public sealed class ScaledManhattanDetector
{
    private readonly double[] _mean;
    private readonly double[] _mad;

    /// <param name="samples">Enrolled feature vectors, all the same length.</param>
    /// <param name="madFloor">The smallest deviation used, so one very steady feature can't dominate (timer jitter).</param>
    public ScaledManhattanDetector(IReadOnlyList<double[]> samples, double madFloor)
    {
        if (samples.Count == 0 || samples.Any(s => s.Length != samples[0].Length))
        {
            throw new ArgumentException("Samples must be non-empty and of one length.", nameof(samples));
        }
        var length = samples[0].Length;
        _mean = new double[length];
        _mad = new double[length];
        for (var j = 0; j < length; j++)
        {
            _mean[j] = samples.Average(s => s[j]);
            var mean = _mean[j];
            _mad[j] = Math.Max(madFloor, samples.Average(s => Math.Abs(s[j] - mean)));
        }
    }

    public int Length => _mean.Length;

    public double Score(double[] sample)
    {
        if (sample.Length != _mean.Length)
        {
            return double.PositiveInfinity;
        }
        var sum = 0.0;
        for (var j = 0; j < sample.Length; j++)
        {
            sum += Math.Abs(sample[j] - _mean[j]) / _mad[j];
        }
        return sum / sample.Length;
    }
}

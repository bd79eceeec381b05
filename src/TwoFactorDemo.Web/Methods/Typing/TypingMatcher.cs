namespace TwoFactorDemo.Web.Methods.Typing;

/// <summary>
/// The one typing matcher: enrolment, sign-in and the evaluation console (bench/TwoFactorDemo.TypingEval) all call it.
/// Features: the logarithms of each key's hold time and of the down-down gap to the next key, taken from the stored
/// vector of <see cref="TypingFeatures.Extract"/> (milliseconds). Distance: scaled Manhattan (Killourhy &amp; Maxion
/// 2009) around the owner's profile, each feature divided by its mean absolute deviation (MAD), floored at
/// <see cref="MadFloorMs"/> worth of time so one steady key cannot dominate. Score: that distance divided by the mean
/// distance (same scaling) from the sample to the <see cref="TypingOptions.BackgroundNearest"/> nearest samples of
/// other people typing the same phrase (a background population), when enough people are there; a sample that is
/// close to the owner but just as close to strangers scores badly. Without a background the distance alone is the
/// score, against its own threshold. Lower is more alike.
/// </summary>
public sealed class TypingMatcher(TypingOptions settings)
{
    /// <summary>Browsers round event times; below this, differences are jitter.</summary>
    public const double MadFloorMs = 8;

    /// <summary>The settings the decisions below use.</summary>
    public TypingOptions Settings => settings;

    /// <summary>Log hold and log down-down times from a stored vector (H, DD, UD per key, ms; <see cref="TypingFeatures"/>).</summary>
    public static double[] Features(double[] stored)
    {
        var features = new double[(stored.Length + 2) / 3 * 2 - 1];
        for (int i = 0, k = 0; i < stored.Length; i += 3)
        {
            features[k++] = Math.Log(Math.Max(stored[i], 1));
            if (i + 1 < stored.Length)
            {
                features[k++] = Math.Log(Math.Max(stored[i + 1], 1));
            }
        }
        return features;
    }

    /// <summary>True when <paramref name="background"/> holds enough people for the two-class score.</summary>
    public bool UsesBackground(TypingBackground background) => background.People >= settings.MinBackgroundPeople;

    /// <summary>The threshold for this background: the two-class one, or the owner-only one when too few people are there.</summary>
    public double ThresholdFor(TypingBackground background) => UsesBackground(background) ? settings.Threshold : settings.OwnerOnlyThreshold;

    /// <summary>The score of <paramref name="sample"/> (stored vector) against <paramref name="profile"/> (stored vectors).</summary>
    public double Score(IReadOnlyList<double[]> profile, double[] sample, TypingBackground background)
    {
        var owner = profile.Where(p => p.Length == sample.Length).Select(Features).ToList();
        if (owner.Count == 0)
        {
            return double.PositiveInfinity;
        }
        var x = Features(sample);
        var (mean, mad) = Fit(owner);
        var distance = Distance(x, mean, mad);
        if (!UsesBackground(background))
        {
            return distance;
        }
        var nearest = background.Features.Where(b => b.Length == x.Length)
            .Select(b => Distance(x, b, mad)).Order().Take(settings.BackgroundNearest).ToList();
        return nearest.Count == 0 ? distance : distance / Math.Max(nearest.Average(), 1e-9);
    }

    /// <summary>What a sign-in sample does: accepted or not, and whether it may join the profile (rule: a clear margin, not after a refusal).</summary>
    public TypingDecision Decide(IReadOnlyList<double[]> profile, double[] sample, TypingBackground background, bool afterRefusal)
    {
        var score = Score(profile, sample, background);
        var threshold = ThresholdFor(background);
        var accepted = score <= threshold;
        return new TypingDecision(accepted, accepted && !afterRefusal && score <= threshold * settings.JoinMargin, score);
    }

    /// <summary>The profile after an accepted sample joined it: the most recent <see cref="TypingOptions.ProfileWindow"/> samples.</summary>
    public List<double[]> Join(IReadOnlyList<double[]> profile, double[] sample) => [.. profile.Append(sample).TakeLast(settings.ProfileWindow)];

    /// <summary>
    /// An enrolment sample far from the ones before (three times the owner-only threshold, once two are saved) is a
    /// slip, not the person's rhythm.
    /// </summary>
    public bool IsConsistentEnrolment(IReadOnlyList<double[]> profile, double[] sample) =>
        profile.Count < 2 || Score(profile, sample, TypingBackground.None) <= settings.OwnerOnlyThreshold * 3;

    private static (double[] Mean, double[] Mad) Fit(List<double[]> samples)
    {
        var length = samples[0].Length;
        var mean = new double[length];
        var mad = new double[length];
        for (var j = 0; j < length; j++)
        {
            var m = mean[j] = samples.Average(s => s[j]);
            // The floor is a time: MadFloorMs around a time t is about MadFloorMs / t in log units.
            mad[j] = Math.Max(samples.Average(s => Math.Abs(s[j] - m)), MadFloorMs / Math.Exp(m));
        }
        return (mean, mad);
    }

    private static double Distance(double[] x, double[] y, double[] mad)
    {
        var sum = 0.0;
        for (var j = 0; j < x.Length; j++)
        {
            sum += Math.Abs(x[j] - y[j]) / mad[j];
        }
        return sum / x.Length;
    }
}

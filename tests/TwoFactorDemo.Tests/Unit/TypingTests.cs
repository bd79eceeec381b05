using System.Text;
using TwoFactorDemo.Web.Methods.Typing;

namespace TwoFactorDemo.Tests.Unit;

public class TypingTests
{
    [Fact]
    public void Features_are_holds_and_latencies_in_cmu_order()
    {
        KeystrokeEvent[] events = [new("a", 0, 100), new("b", 150, 230), new("c", 400, 460)];

        // H.a, DD.a.b, UD.a.b, H.b, DD.b.c, UD.b.c, H.c
        Assert.Equal([100, 150, 50, 80, 250, 170, 60], TypingFeatures.Extract(events));
    }

    [Fact]
    public void The_scaled_manhattan_score_is_the_mean_of_deviations_over_mad()
    {
        double[][] enrolled = [[10, 20], [14, 20], [12, 26]];
        // means 12, 22; MADs 4/3 and 8/3 (the second floored at 1 is not needed)
        var detector = new ScaledManhattanDetector(enrolled, madFloor: 1);

        Assert.Equal(0, detector.Score([12, 22]), 6);
        Assert.Equal((4 / (4.0 / 3) + 8 / (8.0 / 3)) / 2, detector.Score([16, 30]), 6);
        Assert.Equal(double.PositiveInfinity, detector.Score([1, 2, 3]));
    }

    [Fact]
    public void The_detector_accepts_its_own_rhythm_and_rejects_another()
    {
        var random = new Random(7);
        double[] Sample(double hold, double gap) => TypingFeatures.Extract(Enumerable.Range(0, 10)
            .Select(i => new KeystrokeEvent("k", i * gap + random.NextDouble() * 15, i * gap + hold + random.NextDouble() * 15)).ToList());
        var detector = new ScaledManhattanDetector(Enumerable.Range(0, 5).Select(_ => Sample(90, 180)).ToList(), madFloor: 5);

        Assert.True(detector.Score(Sample(90, 180)) < 2.5);
        Assert.True(detector.Score(Sample(150, 320)) > 5);
    }

    [Fact]
    public void The_harness_measures_the_eer_the_fixture_was_built_for()
    {
        using var csv = File.OpenText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "typing-cmu-format.csv"));

        var result = TypingEvaluation.Run(csv, threshold: 3.0);

        Assert.Equal(4, result.Subjects.Count);
        Assert.Equal(0.0, result.MeanEqualErrorRate, 3);
        Assert.Equal(0.0, result.MeanFalseMatchRate, 3);
        Assert.InRange(result.MeanFalseNonMatchRate, 0.0, 0.05);
    }

    [Fact]
    public void Subjects_with_the_same_rhythm_cannot_be_told_apart()
    {
        var random = new Random(11);
        var csv = new StringBuilder("subject,sessionIndex,rep,H.a,DD.a.b,UD.a.b,H.b\n");
        foreach (var subject in new[] { "s1", "s2" })
        {
            for (var rep = 0; rep < 400; rep++)
            {
                double N(double mean) => mean + (random.NextDouble() - 0.5) * 0.04;
                csv.Append($"{subject},1,{rep},{N(0.1):F4},{N(0.3):F4},{N(0.2):F4},{N(0.1):F4}\n");
            }
        }

        var result = TypingEvaluation.Run(new StringReader(csv.ToString()), threshold: 3.0);

        Assert.InRange(result.MeanEqualErrorRate, 0.25, 0.75);
    }

    [Fact]
    public void Equal_error_rate_of_separable_and_overlapping_scores() 
    {
        Assert.Equal(0.0, EqualErrorRate.Compute([1, 2, 3], [10, 11, 12]));
        Assert.Equal(0.5, EqualErrorRate.Compute([1, 2], [1, 2]), 1);
    }
}

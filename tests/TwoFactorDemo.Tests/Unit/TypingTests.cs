using System.Text;
using TwoFactorDemo.TypingEval;
using TwoFactorDemo.Web.Methods.Typing;

namespace TwoFactorDemo.Tests.Unit;

public class TypingTests
{
    private static readonly TypingOptions Shipped = new();

    [Fact]
    public void Features_are_holds_and_latencies_in_cmu_order()
    {
        KeystrokeEvent[] events = [new("a", 0, 100), new("b", 150, 230), new("c", 400, 460)];

        // H.a, DD.a.b, UD.a.b, H.b, DD.b.c, UD.b.c, H.c
        Assert.Equal([100, 150, 50, 80, 250, 170, 60], TypingFeatures.Extract(events));
    }

    [Fact]
    public void The_matcher_uses_the_logs_of_holds_and_down_down_gaps()
    {
        Assert.Equal([Math.Log(100), Math.Log(150), Math.Log(80), Math.Log(250), Math.Log(60)], TypingMatcher.Features([100, 150, 50, 80, 250, 170, 60]));
        // A zero gap (two keys at once) is a 1 ms gap, not minus infinity.
        Assert.Equal(0, TypingMatcher.Features([100, 0, -100, 80])[1]);
    }

    [Fact]
    public void The_owner_only_score_accepts_its_own_rhythm_and_refuses_another()
    {
        var random = new Random(7);
        var matcher = new TypingMatcher(Shipped);
        var profile = Enumerable.Range(0, 5).Select(_ => Sample(random, 90, 180)).ToList();

        Assert.True(matcher.Decide(profile, Sample(random, 90, 180), TypingBackground.None, afterRefusal: false).Accepted);
        Assert.False(matcher.Decide(profile, Sample(random, 150, 320), TypingBackground.None, afterRefusal: false).Accepted);
    }

    [Fact]
    public void With_a_background_a_sample_as_close_to_strangers_as_to_the_owner_scores_worse()
    {
        var random = new Random(3);
        var matcher = new TypingMatcher(Shipped);
        var profile = Enumerable.Range(0, 5).Select(_ => Sample(random, 90, 180)).ToList();
        var probe = Sample(random, 95, 190);
        var crowdFarAway = Background(random, Shipped.MinBackgroundPeople, 200, 400);
        var crowdNearby = Background(random, Shipped.MinBackgroundPeople, 96, 192);

        Assert.True(matcher.UsesBackground(crowdFarAway));
        Assert.False(matcher.UsesBackground(Background(random, Shipped.MinBackgroundPeople - 1, 200, 400)));
        Assert.True(matcher.Score(profile, probe, crowdNearby) > 2 * matcher.Score(profile, probe, crowdFarAway));
    }

    [Fact]
    public void Only_a_clear_match_not_after_a_refusal_joins_the_profile()
    {
        var options = new TypingOptions { OwnerOnlyThreshold = 10, JoinMargin = 0.5 };
        var matcher = new TypingMatcher(options);
        var random = new Random(5);
        var profile = Enumerable.Range(0, 5).Select(_ => Sample(random, 90, 180)).ToList();
        var close = Sample(random, 90, 180);
        var score = matcher.Score(profile, close, TypingBackground.None);

        Assert.True(matcher.Decide(profile, close, TypingBackground.None, afterRefusal: false).JoinsProfile);
        Assert.False(matcher.Decide(profile, close, TypingBackground.None, afterRefusal: true).JoinsProfile);
        var strict = new TypingMatcher(new TypingOptions { OwnerOnlyThreshold = score * 1.5, JoinMargin = 0.5 });
        Assert.Equal((true, false), (strict.Decide(profile, close, TypingBackground.None, false).Accepted, strict.Decide(profile, close, TypingBackground.None, false).JoinsProfile));
        Assert.Equal(options.ProfileWindow, Enumerable.Range(0, 20).Aggregate(profile, (p, _) => matcher.Join(p, close)).Count);
    }

    [Fact]
    public void The_harness_measures_the_eer_the_fixture_was_built_for()
    {
        var result = Evaluate(Fixture("typing-cmu-format.csv"), "--train", "200", "--test", "200", "--keys", "all");

        Assert.Equal(0.0, result.MeanEqualErrorRate, 3);
        Assert.Equal(0.0, result.FalseMatchRate, 3);
    }

    // Issue 16: the shipped settings on the shared half of MEU-Mobile KSD (28 people, touch screen), login setting.
    [Fact]
    public void The_shipped_threshold_keeps_the_false_match_rate_at_or_below_1_percent_on_real_data()
    {
        var result = Evaluate(Fixture("MEU-Mobile-KSD.cmu-format.printable-keys.calibration-s001-s028.csv"));

        Assert.Equal(Shipped.Threshold, result.Threshold);
        Assert.InRange(result.FalseMatchRate, 0.003, 0.01);
        Assert.InRange(result.FalseNonMatchRate, 0.55, 0.72);
        Assert.InRange(result.MeanEqualErrorRate, 0.12, 0.19);
    }

    [Fact]
    public void Subjects_with_the_same_rhythm_cannot_be_told_apart()
    {
        var random = new Random(11);
        var csv = new StringBuilder("subject,sessionIndex,rep,H.a,DD.a.b,UD.a.b,H.b,DD.b.c,UD.b.c,H.c\n");
        foreach (var subject in new[] { "s1", "s2", "s3" })
        {
            for (var rep = 0; rep < 60; rep++)
            {
                double N(double mean) => mean + (random.NextDouble() - 0.5) * 0.04;
                csv.Append(FormattableString.Invariant($"{subject},1,{rep},{N(0.1):F4},{N(0.3):F4},{N(0.2):F4},{N(0.1):F4},{N(0.3):F4},{N(0.2):F4},{N(0.1):F4}\n"));
            }
        }

        var result = Evaluate(Write(csv.ToString()), "--train", "10", "--keys", "all");

        Assert.InRange(result.MeanEqualErrorRate, 0.25, 0.75);
    }

    public static TheoryData<string, string[], string> Refusals => new()
    {
        { "subject,sessionIndex,rep,H.a,DD.a.b,H.b\ns1,1,1,0.1,0.2,0.1\ns2,1,1,0.1,0.2,0.1\ns3,1,1,0.1,0.2,0.1\n", [], "has 1 reps; this protocol needs" },
        { "subject,sessionIndex,rep,H.a,H.b\ns1,1,1,0.1,0.1\n", [], "The column DD.a.b" },
        { "who,when,H.a\n", [], "The header must start with subject,sessionIndex,rep" },
        { "subject,sessionIndex,rep,H.a,DD.a.b,H.b\ns1,1,1,0.1,abc,0.1\n", [], "'abc' is not a time" },
        { "subject,sessionIndex,rep,H.a,DD.a.b,H.b\ns1,1,1,0.1,0.2,0.1\n", ["--enrol", "3", "--train", "3"], "exclude each other" },
        { "subject,sessionIndex,rep,H.a,DD.a.b,H.b\ns1,1,1,0.1,0.2,0.1\n", ["--keys", "some"], "--keys is printable or all" },
    };

    // Issue 16: "the console silently reports EER 100 % and FNMR NaN on any file with fewer than 400 reps per subject".
    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_file_or_protocol_it_cannot_run_is_refused_with_a_reason(string csv, string[] options, string reason)
    {
        var refused = Assert.Throws<EvaluationRefusedException>(() => Evaluate(Write(csv), options));

        Assert.Contains(reason, refused.Message);
    }

    private static Evaluation Evaluate(string file, params string[] options)
    {
        Report.Write(Options.Parse([file, .. options]), out var result);
        return result;
    }

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static string Write(string csv)
    {
        var path = Path.Combine(Path.GetTempPath(), $"typing-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, csv);
        return path;
    }

    private static double[] Sample(Random random, double hold, double gap) => TypingFeatures.Extract(Enumerable.Range(0, 10)
        .Select(i => new KeystrokeEvent("k", i * gap * Shape(i) + random.NextDouble() * 15, i * gap * Shape(i) + hold * Shape(i + 3) + random.NextDouble() * 15)).ToList());

    private static double Shape(int i) => 0.8 + 0.4 * (i * 7 % 11) / 10.0;

    private static TypingBackground Background(Random random, int people, double hold, double gap) =>
        new([.. Enumerable.Range(0, people * 5).Select(_ => Sample(random, hold, gap))], people);
}

using System.Collections.Concurrent;
using System.Text.Json;
using TwoFactorDemo.Web.Methods.Typing;

namespace TwoFactorDemo.TypingEval;

/// <summary>Runs a <see cref="Protocol"/> over every subject with the app's <see cref="TypingMatcher"/>.</summary>
public sealed class Simulation(Dictionary<string, List<double[]>> data, Protocol protocol)
{
    private readonly List<string> _subjects = [.. data.Keys.Order(StringComparer.Ordinal)];
    private readonly ConcurrentDictionary<(string Owner, string Impostor), TypingBackground> _backgrounds = new();

    /// <summary>Refuses a protocol this file cannot run: too few subjects or too few reps for the sign-ins it asks for.</summary>
    public void Check()
    {
        if (_subjects.Count < 3)
        {
            throw new EvaluationRefusedException($"The file has {_subjects.Count} subject(s); at least 3 are needed (an owner, an impostor, a background).");
        }
        var needed = protocol.Enrol + (protocol.Test ?? 1);
        if (protocol.Enrol < 1 || protocol.ImpostorReps < 1 || protocol.Test is < 1)
        {
            throw new EvaluationRefusedException("--enrol/--train, --test and --impostor-reps must be at least 1.");
        }
        if (data.FirstOrDefault(d => d.Value.Count < needed) is { Key: { } thin } && thin is not null)
        {
            throw new EvaluationRefusedException(
                $"Subject {thin} has {data[thin].Count} reps; this protocol needs {needed} (enrol {protocol.Enrol} + test {protocol.Test ?? 1}).");
        }
        if (data.Values.Select(r => r[0].Length).Distinct().Count() != 1)
        {
            throw new EvaluationRefusedException("Rows have different numbers of keys.");
        }
    }

    /// <summary>Every subject's attempts with <paramref name="options"/> (the thresholds decide which samples join the profile).</summary>
    public List<AttemptScores> Run(TypingOptions options)
    {
        var matcher = new TypingMatcher(options);
        return [.. _subjects.AsParallel().AsOrdered().Select(subject => RunSubject(subject, matcher))];
    }

    // The other subjects' enrolment reps, without the owner and the impostor tried against them (built once per pair).
    private TypingBackground Background(string owner, string impostor) =>
        !protocol.Background ? TypingBackground.None : _backgrounds.GetOrAdd((owner, impostor), pair =>
        {
            var people = _subjects.Where(s => s != pair.Owner && s != pair.Impostor).Take(protocol.BackgroundPeople ?? int.MaxValue).ToList();
            return new TypingBackground([.. people.SelectMany(p => data[p].Take(protocol.Enrol))], people.Count);
        });

    private AttemptScores RunSubject(string subject, TypingMatcher matcher)
    {
        var reps = data[subject];
        var (profile, next) = protocol.Login ? Enrol(matcher, reps) : ([.. reps.Take(protocol.Enrol)], protocol.Enrol);
        var sessions = reps.Skip(protocol.Login ? next : Math.Max(next, reps.Count - (protocol.Test ?? reps.Count))).Take(protocol.Test ?? int.MaxValue).ToList();
        var genuine = new List<(double, bool)>();
        var impostor = new List<(double, bool)>();
        var afterRefusal = false;
        for (var k = 0; k < sessions.Count; k++)
        {
            if (k % Protocol.CheckpointEvery == 0 && (protocol.Login || k == 0))
            {
                foreach (var other in _subjects.Where(o => o != subject))
                {
                    var bg = Background(subject, other);
                    foreach (var rep in data[other].Skip(protocol.Enrol).Take(protocol.ImpostorReps))
                    {
                        var d = matcher.Decide(profile, rep, bg, afterRefusal: false);
                        impostor.Add((d.Score, d.Accepted));
                    }
                }
            }
            var decision = matcher.Decide(profile, sessions[k], Background(subject, ""), afterRefusal);
            genuine.Add((decision.Score, decision.Accepted));
            if (protocol.Login && decision.JoinsProfile)
            {
                profile = matcher.Join(profile, sessions[k]);
            }
            afterRefusal = !decision.Accepted;
        }
        return new AttemptScores(subject, genuine, impostor);
    }

    // As the set-up page does: a sample far from the ones before is refused and the person types again.
    private (List<double[]> Profile, int Next) Enrol(TypingMatcher matcher, List<double[]> reps)
    {
        var profile = new List<double[]>();
        var next = 0;
        while (profile.Count < protocol.Enrol && next < reps.Count - 1)
        {
            if (matcher.IsConsistentEnrolment(profile, reps[next]))
            {
                profile.Add(reps[next]);
            }
            next++;
        }
        return (profile, next);
    }

    /// <summary>
    /// Profile poisoning: each impostor types all their reps in a row against each owner's fresh profile, and whatever the
    /// rule lets join the profile joins. The share accepted, with the app's rule and with "every accepted sample joins".
    /// </summary>
    public (double WithRule, double EveryAcceptJoins) Poisoning(TypingOptions options)
    {
        var free = Copy(options);
        free.JoinMargin = 1;
        return (PoisoningRate(options, respectRefusals: true), PoisoningRate(free, respectRefusals: false));
    }

    private double PoisoningRate(TypingOptions options, bool respectRefusals)
    {
        var matcher = new TypingMatcher(options);
        var rates = _subjects.AsParallel().Select(subject =>
        {
            var (enrolled, _) = Enrol(matcher, data[subject]);
            int accepted = 0, tried = 0;
            foreach (var other in _subjects.Where(o => o != subject))
            {
                var bg = Background(subject, other);
                var profile = enrolled;
                var afterRefusal = false;
                foreach (var rep in data[other].Skip(protocol.Enrol))
                {
                    var d = matcher.Decide(profile, rep, bg, respectRefusals && afterRefusal);
                    tried++;
                    accepted += d.Accepted ? 1 : 0;
                    profile = d.JoinsProfile ? matcher.Join(profile, rep) : profile;
                    afterRefusal = !d.Accepted;
                }
            }
            return accepted / (double)tried;
        }).ToList();
        return rates.Average();
    }

    /// <summary>
    /// True when the matcher scores against a background here: the protocol has one, and the smallest one it builds
    /// (every subject but the owner and the impostor) has enough people by the matcher's own rule.
    /// </summary>
    public bool UsesBackground(TypingOptions options) =>
        protocol.Background && new TypingMatcher(options).UsesBackground(
            new TypingBackground([], Math.Min(_subjects.Count - 2, protocol.BackgroundPeople ?? int.MaxValue)));

    /// <summary>A copy of <paramref name="options"/> with the threshold in play (two-class or owner-only) set to <paramref name="threshold"/>.</summary>
    public TypingOptions WithThreshold(TypingOptions options, double threshold)
    {
        var copy = Copy(options);
        if (UsesBackground(options))
        {
            copy.Threshold = threshold;
        }
        else
        {
            copy.OwnerOnlyThreshold = threshold;
        }
        return copy;
    }

    /// <summary>The threshold in play for this file and protocol.</summary>
    public double ThresholdInPlay(TypingOptions options) => UsesBackground(options) ? options.Threshold : options.OwnerOnlyThreshold;

    // Every setting, whatever TypingOptions grows: a serialised round trip.
    private static TypingOptions Copy(TypingOptions options) =>
        JsonSerializer.Deserialize<TypingOptions>(JsonSerializer.Serialize(options))!;
}

using System.Globalization;
using System.Text;
using TwoFactorDemo.Web.Methods.Typing;

namespace TwoFactorDemo.TypingEval;

/// <summary>Runs the evaluation an <see cref="Options"/> asks for and writes what it measured.</summary>
public static class Report
{
    public static string Write(Options run) => Write(run, out _);

    public static string Write(Options run, out Evaluation result)
    {
        using var reader = File.OpenText(run.File);
        var data = KeystrokeCsv.Read(reader, run.Protocol.Keys);
        var simulation = new Simulation(data, run.Protocol);
        simulation.Check();
        var typing = run.Threshold is { } t ? simulation.WithThreshold(run.Typing, t) : run.Typing;
        var threshold = simulation.ThresholdInPlay(typing);
        var subjects = simulation.Run(typing);
        var genuine = subjects.SelectMany(s => s.Genuine.Select(a => a.Score)).ToList();
        var impostor = subjects.SelectMany(s => s.Impostor.Select(a => a.Score)).ToList();
        var eers = subjects.Select(s => ErrorRates.EqualErrorRate([.. s.Genuine.Select(a => a.Score)], [.. s.Impostor.Select(a => a.Score)])).ToList();
        result = new Evaluation(threshold, eers.Average(), Rate(subjects, s => s.Impostor, accepted: true), Rate(subjects, s => s.Genuine, accepted: false));

        var text = new StringBuilder();
        var p = run.Protocol;
        var twoClass = simulation.UsesBackground(typing);
        text.AppendLine(Invariant($"{Path.GetFileName(run.File)}: {data.Count} subjects, {data.Values.Min(r => r.Count)}–{data.Values.Max(r => r.Count)} reps, {data.Values.First()[0].Length / 3 + 1} keys ({p.Keys.ToString().ToLowerInvariant()})"));
        text.AppendLine(p.Login
            ? Invariant($"login setting: enrol {p.Enrol}, then {(p.Test is { } n ? $"{n} sign-ins" : "every later rep signs in")}; accepted samples join at score ≤ {typing.JoinMargin:0.##} × threshold, not after a refusal; impostors: {p.ImpostorReps} reps of each other subject every {Protocol.CheckpointEvery} sign-ins")
            : Invariant($"static setting: train on {p.Enrol} reps, test {(p.Test is { } m ? $"the last {m}" : "every later")} reps, impostors: {p.ImpostorReps} reps of each other subject"));
        text.AppendLine(twoClass
            ? Invariant($"score: owner distance ÷ mean distance to the {typing.BackgroundNearest} nearest background samples (other subjects' enrolment reps, impostor excluded)")
            : "score: owner distance alone (no background population)");
        text.AppendLine(Invariant($"attempts: {genuine.Count} genuine, {impostor.Count} impostor"));
        text.AppendLine();
        if (run.PerSubject)
        {
            text.AppendLine(Invariant($"{"subject",-10} {"EER",8} {"FMR",8} {"FNMR",8}"));
            foreach (var (s, eer) in subjects.Zip(eers))
            {
                text.AppendLine(Invariant($"{s.Subject,-10} {eer,8:P1} {s.FalseMatchRate,8:P2} {s.FalseNonMatchRate,8:P1}"));
            }
            text.AppendLine();
        }
        text.AppendLine(Invariant($"mean EER (interpolated, per subject): {result.MeanEqualErrorRate:P1}"));
        text.AppendLine(Invariant($"at threshold {threshold:0.###}: FMR {result.FalseMatchRate:P2} per attempt, FNMR {result.FalseNonMatchRate:P1}"));
        text.AppendLine();
        text.AppendLine("DET points (scores of this run):");
        text.AppendLine(Invariant($"{"threshold",10} {"FMR",8} {"FNMR",8}"));
        foreach (var (at, fmr, fnmr) in ErrorRates.DetPoints(genuine, impostor))
        {
            text.AppendLine(Invariant($"{at,10:0.###} {fmr,8:P2} {fnmr,8:P1}"));
        }
        foreach (var at in run.At)
        {
            var rerun = simulation.Run(simulation.WithThreshold(typing, at));
            text.AppendLine(Invariant($"at threshold {at:0.###} (run again: updates follow the threshold): FMR {Rate(rerun, s => s.Impostor, true):P2}, FNMR {Rate(rerun, s => s.Genuine, false):P1}"));
        }
        if (run.TargetFmr is { } target)
        {
            var (best, fmr, fnmr) = Target(simulation, typing, target, impostor.Where(double.IsFinite).DefaultIfEmpty(1).Max());
            text.AppendLine(Invariant($"target FMR {target:P2}: threshold {best:0.###} gives FMR {fmr:P2}, FNMR {fnmr:P1}"));
        }
        if (p.Login)
        {
            var (withRule, everyAccept) = simulation.Poisoning(typing);
            text.AppendLine(Invariant($"profile poisoning (an impostor types every rep in a row): {withRule:P2} accepted with the join rule, {everyAccept:P2} if every accepted sample joined"));
        }
        return text.ToString();
    }

    /// <summary>The largest threshold (bisection; re-run each time) whose false-match rate is at most <paramref name="target"/>.</summary>
    private static (double Threshold, double Fmr, double Fnmr) Target(Simulation simulation, TypingOptions typing, double target, double high)
    {
        var (low, best) = (0.0, (Threshold: 0.0, Fmr: 0.0, Fnmr: 1.0));
        for (var i = 0; i < 24; i++)
        {
            var middle = (low + high) / 2;
            var run = simulation.Run(simulation.WithThreshold(typing, middle));
            var fmr = Rate(run, s => s.Impostor, accepted: true);
            if (fmr <= target)
            {
                (low, best) = (middle, (middle, fmr, Rate(run, s => s.Genuine, accepted: false)));
            }
            else
            {
                high = middle;
            }
        }
        return best;
    }

    private static double Rate(List<AttemptScores> subjects, Func<AttemptScores, List<(double Score, bool Accepted)>> attempts, bool accepted)
    {
        var all = subjects.SelectMany(attempts).ToList();
        return all.Count(a => a.Accepted == accepted) / (double)all.Count;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

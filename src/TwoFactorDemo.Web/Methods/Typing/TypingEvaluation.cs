using System.Globalization;

namespace TwoFactorDemo.Web.Methods.Typing;

/// <summary>
/// The protocol of Killourhy &amp; Maxion (2009) on a CSV in the CMU dataset's format
/// (<c>subject,sessionIndex,rep,H.period,DD.period.t,UD.period.t,…</c>): per subject, train on the first
/// <c>trainReps</c> reps, score the last <c>testReps</c> as genuine, and the first 5 reps of every other subject
/// as impostors; report each subject's EER and false-match rate at a threshold, and their means.
/// </summary>
public static class TypingEvaluation
{
    public static TypingEvaluationResult Run(TextReader csv, double threshold, double madFloor = 0.005, int trainReps = 200, int testReps = 200, int impostorReps = 5)
    {
        var rows = Read(csv);
        var bySubject = rows.GroupBy(r => r.Subject).ToDictionary(g => g.Key, g => g.Select(r => r.Features).ToList());
        var results = new List<SubjectEvaluation>();
        foreach (var (subject, samples) in bySubject)
        {
            var detector = new ScaledManhattanDetector(samples.Take(trainReps).ToList(), madFloor);
            var genuine = samples.Skip(Math.Max(trainReps, samples.Count - testReps)).Select(detector.Score).ToList();
            var impostor = bySubject.Where(o => o.Key != subject).SelectMany(o => o.Value.Take(impostorReps)).Select(detector.Score).ToList();
            results.Add(new SubjectEvaluation(subject, EqualErrorRate.Compute(genuine, impostor),
                EqualErrorRate.FalseMatchRate(impostor, threshold), EqualErrorRate.FalseNonMatchRate(genuine, threshold)));
        }
        return new TypingEvaluationResult(results, results.Average(r => r.EqualErrorRate), results.Average(r => r.FalseMatchRate), results.Average(r => r.FalseNonMatchRate));
    }

    private static List<(string Subject, double[] Features)> Read(TextReader csv)
    {
        var header = csv.ReadLine()?.Split(',') ?? throw new FormatException("The CSV is empty.");
        if (header.Length < 4 || header[0] != "subject" || header[1] != "sessionIndex" || header[2] != "rep")
        {
            throw new FormatException("The header must start with subject,sessionIndex,rep.");
        }
        var rows = new List<(string, double[])>();
        while (csv.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }
            var cells = line.Split(',');
            rows.Add((cells[0], cells.Skip(3).Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray()));
        }
        return rows;
    }
}

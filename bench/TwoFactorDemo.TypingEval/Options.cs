using System.Globalization;
using TwoFactorDemo.Web.Methods.Typing;

namespace TwoFactorDemo.TypingEval;

/// <summary>The command line: a CSV, a protocol, the thresholds to report, and a false-match target.</summary>
public sealed record Options(string File, Protocol Protocol, TypingOptions Typing, double? Threshold, List<double> At, double? TargetFmr, bool PerSubject)
{
    public const string Usage = """
        Usage: dotnet run --project bench/TwoFactorDemo.TypingEval -- <file.csv> [options]
          --enrol N            login setting (default): enrol on the first N reps (default: the app's EnrolmentSamples),
                               every later rep signs in and accepted samples join the profile as in the app
          --train N            static setting instead (Killourhy & Maxion): train on the first N reps, no updates
          --test N             genuine sign-ins per subject (default: every rep after enrolment; static: the last N)
          --impostor-reps N    reps of each other subject tried as impostor at each checkpoint (default 5)
          --keys printable|all keys used (default printable, as the browser recorder keeps them)
          --background on|off  compare with other subjects' enrolment reps (default on)
          --background-people N  at most N people in the background
          --threshold T        the threshold in play (default: the app's)
          --at T1,T2,...       also print FMR/FNMR at these thresholds
          --target-fmr F       print the largest threshold whose FMR is at most F, and its FNMR
          --per-subject        print each subject's EER, FMR and FNMR
        """;

    public static Options Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            throw new EvaluationRefusedException("Give the CSV file first.");
        }
        var file = args[0];
        if (!System.IO.File.Exists(file))
        {
            throw new EvaluationRefusedException($"There is no file {file}.");
        }
        var typing = new TypingOptions();
        int? enrol = null, train = null, test = null, people = null;
        var impostorReps = 5;
        var keys = KeySet.Printable;
        var background = true;
        double? threshold = null, target = null;
        var at = new List<double>();
        var perSubject = false;
        for (var i = 1; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new EvaluationRefusedException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--enrol": enrol = Int(Value()); break;
                case "--train": train = Int(Value()); break;
                case "--test": test = Int(Value()); break;
                case "--impostor-reps": impostorReps = Int(Value()); break;
                case "--keys": keys = Value() switch { "printable" => KeySet.Printable, "all" => KeySet.All, var k => throw new EvaluationRefusedException($"--keys is printable or all, not {k}.") }; break;
                case "--background": background = Value() switch { "on" => true, "off" => false, var b => throw new EvaluationRefusedException($"--background is on or off, not {b}.") }; break;
                case "--background-people": people = Int(Value()); break;
                case "--threshold": threshold = Number(Value()); break;
                case "--at": at.AddRange(Value().Split(',').Select(Number)); break;
                case "--target-fmr": target = Number(Value()); break;
                case "--per-subject": perSubject = true; break;
                default: throw new EvaluationRefusedException($"Unknown option {args[i]}.");
            }
        }
        if (enrol is not null && train is not null)
        {
            throw new EvaluationRefusedException("--enrol (login setting) and --train (static setting) exclude each other.");
        }
        if (target is <= 0 or >= 1)
        {
            throw new EvaluationRefusedException("--target-fmr is a rate between 0 and 1, such as 0.01.");
        }
        var protocol = new Protocol(train is null, enrol ?? train ?? typing.EnrolmentSamples, test, impostorReps, background, people, keys);
        typing.EnrolmentSamples = protocol.Enrol;
        return new Options(file, protocol, typing, threshold, at, target, perSubject);
    }

    private static int Int(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new EvaluationRefusedException($"'{value}' is not a whole number.");

    private static double Number(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) && n >= 0
            ? n : throw new EvaluationRefusedException($"'{value}' is not a non-negative number.");
}

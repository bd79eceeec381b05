using System.Globalization;
using TwoFactorDemo.Web.Methods.Typing;

// Runs the Killourhy & Maxion (2009) protocol with the app's detector on a CSV in the CMU dataset's format.
// Usage: dotnet run --project bench/TwoFactorDemo.TypingEval -- <file.csv> [threshold]
if (args.Length is 0 or > 2 || !File.Exists(args[0]))
{
    Console.Error.WriteLine("Usage: dotnet run --project bench/TwoFactorDemo.TypingEval -- <DSL-StrongPasswordData.csv> [threshold]");
    return 2;
}
var threshold = args.Length == 2 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 3.0;
using var csv = File.OpenText(args[0]);
var result = TypingEvaluation.Run(csv, threshold);
Console.WriteLine($"{"subject",-10} {"EER",8} {"FMR@" + threshold.ToString(CultureInfo.InvariantCulture),10} {"FNMR",8}");
foreach (var subject in result.Subjects)
{
    Console.WriteLine($"{subject.Subject,-10} {subject.EqualErrorRate,8:P1} {subject.FalseMatchRate,10:P1} {subject.FalseNonMatchRate,8:P1}");
}
Console.WriteLine($"{"mean",-10} {result.MeanEqualErrorRate,8:P1} {result.MeanFalseMatchRate,10:P1} {result.MeanFalseNonMatchRate,8:P1}");
return 0;

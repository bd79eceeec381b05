using System.Globalization;
using TwoFactorDemo.Web.Methods.Typing;

namespace TwoFactorDemo.TypingEval;

/// <summary>
/// Reads a CSV in the CMU keystroke benchmark's layout (<c>subject,sessionIndex,rep,H.k,DD.k.k',UD.k.k',H.k',…</c>, seconds)
/// and turns each row back into key events (down, up in ms), so the app's own <see cref="TypingFeatures.Extract"/> makes the
/// vectors the matcher sees, exactly as at sign-in. <see cref="KeySet.Printable"/> drops Shift, Caps Lock and Return as
/// the browser recorder does; the gaps across a dropped key are recomputed from the event times.
/// </summary>
public static class KeystrokeCsv
{
    public static Dictionary<string, List<double[]>> Read(TextReader csv, KeySet keys)
    {
        var header = csv.ReadLine()?.Split(',') ?? throw new EvaluationRefusedException("The file is empty.");
        if (header.Length < 4 || header[0] != "subject" || header[1] != "sessionIndex" || header[2] != "rep")
        {
            throw new EvaluationRefusedException("The header must start with subject,sessionIndex,rep (the CMU keystroke layout).");
        }
        var column = header.Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index);
        var names = header.Where(h => h.StartsWith("H.", StringComparison.Ordinal)).Select(h => h[2..]).ToList();
        if (names.Count < 2)
        {
            throw new EvaluationRefusedException("The header has fewer than two hold-time (H.<key>) columns.");
        }
        var holds = names.Select(k => column[$"H.{k}"]).ToArray();
        var gaps = names.Zip(names.Skip(1), (a, b) => column.TryGetValue($"DD.{a}.{b}", out var i) ? i
            : throw new EvaluationRefusedException($"The column DD.{a}.{b} (the down-down time between consecutive keys) is missing.")).ToArray();
        var keep = names.Select(k => keys == KeySet.All || IsPrintable(k)).ToArray();
        var data = new Dictionary<string, List<double[]>>();
        var lineNumber = 1;
        while (csv.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }
            var cells = line.Split(',');
            if (cells.Length != header.Length)
            {
                throw new EvaluationRefusedException($"Line {lineNumber} has {cells.Length} cells; the header has {header.Length}.");
            }
            var events = new List<KeystrokeEvent>(names.Count);
            var down = 0.0;
            for (var i = 0; i < names.Count; i++)
            {
                var hold = Milliseconds(cells[holds[i]], lineNumber);
                if (keep[i])
                {
                    events.Add(new KeystrokeEvent(names[i], down, down + hold));
                }
                down += i < gaps.Length ? Milliseconds(cells[gaps[i]], lineNumber) : 0;
            }
            if (!data.TryGetValue(cells[0], out var reps))
            {
                data[cells[0]] = reps = [];
            }
            reps.Add(TypingFeatures.Extract(events));
        }
        return data;
    }

    private static bool IsPrintable(string key) =>
        !key.StartsWith("Shift", StringComparison.Ordinal) && key is not ("Caps" or "Return" or "Tab" or "Backspace");

    private static double Milliseconds(string cell, int line) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds)
            ? seconds * 1000
            : throw new EvaluationRefusedException($"Line {line}: '{cell}' is not a time in seconds.");
}

using System.Text;

namespace TwoFactorDemo.Bench;

/// <summary>What a soak did: the load, resident memory over time, and the peak.</summary>
public sealed record SoakResult(DateTimeOffset Started, int VirtualUsers, LoadResult Load, IReadOnlyList<MemorySample> Memory, long PeakBytes, TimeSpan Took)
{
    /// <summary>Growth allowed over the second half of the soak before memory counts as still climbing.</summary>
    public const double FlatTolerance = 0.10;

    /// <summary>Resident memory at the middle of the soak: the start of the part that must be flat (the first half fills caches and pools).</summary>
    public MemorySample Middle => Memory.MinBy(m => Math.Abs((m.At - Load.Elapsed / 2).Ticks))!;

    public bool Flat => Memory[^1].Bytes <= Middle.Bytes * (1 + FlatTolerance);

    public bool Passed => Load.Errors == 0 && Load.Completed > 0 && Flat;

    public string Markdown()
    {
        var text = new StringBuilder();
        var whole = Load.Steps.FirstOrDefault(s => s.Step == LoadRunner.WholeIteration);
        text.AppendLine($"Soak {Started:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {VirtualUsers} virtual users for {Load.Elapsed.TotalSeconds:F0} s; took {Took:m\\:ss}.");
        text.AppendLine();
        text.AppendLine("| Measure | Result |");
        text.AppendLine("|---|---|");
        text.AppendLine($"| Cycles (sign in with password + TOTP, /Home/Protected, /Security, sign out, signed-out check) | {Load.Completed:N0} = {Load.PerSecond:F1}/s, p50 {whole?.P50:F0} ms, p99 {whole?.P99:F0} ms |");
        text.AppendLine($"| Requests | {Load.Steps.Where(s => s.Step != LoadRunner.WholeIteration).Sum(s => s.Count):N0} |");
        text.AppendLine($"| Errors | **{Load.Errors}**{(Load.Errors > 0 ? ": " + string.Join("; ", Load.ErrorSamples) : "")} |");
        text.AppendLine($"| Resident memory: start → middle → end (peak) | {Memory[0].Megabytes:F0} → {Middle.Megabytes:F0} → **{Memory[^1].Megabytes:F0} MB** ({PeakBytes / 1048576d:F0} MB) |");
        text.AppendLine($"| Flat (end ≤ middle + {FlatTolerance:P0}) | {(Flat ? "yes" : "**no**")} |");
        text.AppendLine($"| Resident memory each minute (MB) | {string.Join(", ", Memory.Where((m, i) => i == 0 || m.At.TotalSeconds % 60 < 10).Select(m => m.Megabytes.ToString("F0")))} |");
        return text.ToString();
    }
}

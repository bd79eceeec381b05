namespace TwoFactorDemo.Bench;

/// <summary>What one measurement did: completed iterations, errors (with a few messages), wall time, and per-step latencies.</summary>
public sealed record LoadResult(string Name, int Completed, int Errors, TimeSpan Elapsed, IReadOnlyList<StepStats> Steps, IReadOnlyList<string> ErrorSamples)
{
    /// <summary>CPU the server used during the measurement, and the bench's own (the load generator shares the machine).</summary>
    public TimeSpan ServerCpu { get; init; }
    public TimeSpan BenchCpu { get; init; }

    /// <summary>Server CPU per completed iteration, in milliseconds.</summary>
    public double ServerCpuPerIteration => ServerCpu.TotalMilliseconds / Math.Max(1, Completed);

    /// <summary>Share of all cores the server kept busy.</summary>
    public double ServerCpuShare => ServerCpu / (Elapsed * Environment.ProcessorCount);

    public double BenchCpuShare => BenchCpu / (Elapsed * Environment.ProcessorCount);

    public double PerSecond => Completed / Elapsed.TotalSeconds;

    public StepStats Step(string name) => Steps.FirstOrDefault(s => s.Step == name)
        ?? throw new BenchException($"{Name}: no request for step '{name}' completed");
}

namespace TwoFactorDemo.Bench;

/// <summary>What one measurement did: completed iterations, errors (with a few messages), wall time, and per-step latencies.</summary>
public sealed record LoadResult(string Name, int Completed, int Errors, TimeSpan Elapsed, IReadOnlyList<StepStats> Steps, IReadOnlyList<string> ErrorSamples)
{
    public double PerSecond => Completed / Elapsed.TotalSeconds;

    public StepStats Step(string name) => Steps.FirstOrDefault(s => s.Step == name)
        ?? throw new BenchException($"{Name}: no request for step '{name}' completed");
}
